using System;

namespace FastTrack.Core.Errors;

/// <summary>The one exception the core throws on purpose. Anything else reaching a cmdlet is a bug.</summary>
public sealed class FtException : Exception
{
    public FtException(FtError error, Exception? inner = null) : base(error.Message, inner) => Error = error;

    public FtError Error { get; }
}
