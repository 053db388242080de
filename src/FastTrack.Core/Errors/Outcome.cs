namespace FastTrack.Core.Errors;

/// <summary>One item of a query that may fail per item (an unknown id among good ones, one unreadable
/// plan among many): the cmdlet writes the value or a non-terminating error and goes on.</summary>
public readonly struct Outcome<T>
{
    private Outcome(T? value, FtError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }
    public FtError? Error { get; }
    public bool Succeeded => Error is null;

    public static Outcome<T> Ok(T value) => new(value, null);
    public static Outcome<T> Fail(FtError error) => new(default, error);
}
