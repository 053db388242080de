using System;

namespace FastTrack.Core.Errors;

/// <summary>A failure a user can act on: a stable id (becomes the FullyQualifiedErrorId), its kind,
/// the object it is about, and a message that says what to do.</summary>
public sealed class FtError
{
    public FtError(string errorId, FtErrorKind kind, object? target, string message)
    {
        ErrorId = errorId;
        Kind = kind;
        Target = target;
        Message = message;
    }

    public string ErrorId { get; }
    public FtErrorKind Kind { get; }
    public object? Target { get; }
    public string Message { get; }

    public FtException ToException(Exception? inner = null) => new(this, inner);

    /// <summary>Whether this is the error a factory method makes: <c>error.Is(nameof(GraphErrors.AsOfNotAvailable))</c>,
    /// never a string compared by hand.</summary>
    public bool Is(string errorId) => string.Equals(ErrorId, errorId, StringComparison.Ordinal);

    public override string ToString() => $"{ErrorId}: {Message}";
}
