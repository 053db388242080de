namespace FastTrack.Core.Errors;

/// <summary>What kind of failure an error is. Names match PowerShell's ErrorCategory members, so the
/// cmdlet layer maps them by name without the core knowing PowerShell.</summary>
public enum FtErrorKind
{
    InvalidArgument,
    ObjectNotFound,
    InvalidData,
    InvalidOperation,
    InvalidResult,
    ResourceUnavailable,
    ResourceBusy,
    PermissionDenied,
    ResourceExists,
    ReadError,
    WriteError,
    ConnectionError,
    LimitsExceeded,
    OperationTimeout,
    AuthenticationError,
    NotSpecified,
}
