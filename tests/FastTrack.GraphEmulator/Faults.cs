namespace FastTrack.GraphEmulator;

/// <summary>A misbehaviour the emulator plays once for a matching request.</summary>
public abstract record Fault;

/// <summary>An error status, with Retry-After when given (429, 503, 504, 401, 403, 404...).</summary>
public sealed record StatusFault(int Status, int? RetryAfterSeconds = null, string Code = "emulatedFault") : Fault;

/// <summary>The connection is dropped without a response.</summary>
public sealed record ConnectionResetFault : Fault;

/// <summary>Headers and the first bytes, then a pause before the rest.</summary>
public sealed record SlowBodyFault(TimeSpan Delay) : Fault;

/// <summary>The full Content-Length is announced but only the first bytes are sent.</summary>
public sealed record TruncatedBodyFault(int Bytes) : Fault;

/// <summary>Faults queued per path fragment, consumed in order.</summary>
public sealed class FaultPlan
{
    private readonly List<(string Path, Fault Fault)> _queue = new();

    public void Add(string pathContains, Fault fault, int times = 1)
    {
        lock (_queue)
        {
            for (var i = 0; i < times; i++) _queue.Add((pathContains, fault));
        }
    }

    internal Fault? Take(string path)
    {
        lock (_queue)
        {
            var index = _queue.FindIndex(f => path.Contains(f.Path, StringComparison.OrdinalIgnoreCase));
            if (index < 0) return null;
            var fault = _queue[index].Fault;
            _queue.RemoveAt(index);
            return fault;
        }
    }
}

public sealed record RecordedRequest(string Method, string PathAndQuery, string? Authorization, int Status, string Host);
