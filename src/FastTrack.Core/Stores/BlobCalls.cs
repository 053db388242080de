using System;
using System.Linq;
using Azure;
using Azure.Identity;
using FastTrack.Core.Errors;
using FastTrack.Core.Workspaces;

namespace FastTrack.Core.Stores;

/// <summary>Turns what the storage client throws into the module's errors, each naming its fix. A lost race (412,
/// or 409 on a create) is not an error: the caller tries again on the newer blob (<see cref="IsLostRace"/>).</summary>
internal static class BlobCalls
{
    public static bool IsLostRace(RequestFailedException ex) =>
        ex.Status == 412 || (ex.Status == 409 && ex.ErrorCode == "BlobAlreadyExists");

    public static bool IsNotFound(RequestFailedException ex, string code) => ex.Status == 404 && ex.ErrorCode == code;

    /// <summary>The module's error for an exception of the storage client, or null when it is none of its.</summary>
    public static FtException? Map(Exception ex, BlobContainerAddress address, string what)
    {
        switch (ex)
        {
            case RequestFailedException { Status: 404, ErrorCode: "ContainerNotFound" } missing:
                return StoreErrors.StorageContainerNotFound(address).ToException(missing);
            case RequestFailedException { Status: 401 or 403 } denied:
                return StoreErrors.StorageAccessDenied(address, denied.Status, denied.ErrorCode).ToException(denied);
            case RequestFailedException { Status: 0 } unreachable:
                return StoreErrors.StorageUnreachable(address, Innermost(unreachable)).ToException(unreachable);
            case RequestFailedException failed:
                return StoreErrors.StorageRequestFailed(address, what, failed.Status, failed.ErrorCode).ToException(failed);
            // The retry policy gives up with every try's exception: the network never answered.
            case AggregateException all when all.InnerExceptions.All(e => e is RequestFailedException { Status: 0 } || e is System.Net.Http.HttpRequestException || e is System.IO.IOException || e is TimeoutException || e is OperationCanceledException):
                return StoreErrors.StorageUnreachable(address, Innermost(all.InnerExceptions.Last())).ToException(all);
            case AggregateException { InnerExceptions.Count: > 0 } some when some.InnerExceptions.Last() is RequestFailedException last:
                return Map(last, address, what);
            case AuthenticationFailedException signIn:
                return StoreErrors.StorageSignInFailed(address, FirstLine(signIn.Message)).ToException(signIn);
            // Azure.Core refuses to send a bearer token over plain http (the emulator): a connection string is needed there.
            case InvalidOperationException http when address.IsEmulator && http.Message.IndexOf("TLS", StringComparison.Ordinal) >= 0:
                return StoreErrors.StorageSignInFailed(address, "the emulator takes no Azure sign-in over http").ToException(http);
            default:
                return null;
        }
    }

    // The socket's own words ("Connection refused", "Name or service not known"), with no URL or header.
    private static string Innermost(Exception ex)
    {
        while (ex.InnerException is not null) ex = ex.InnerException;
        return FirstLine(ex.Message).TrimEnd('.');
    }

    private static string FirstLine(string text)
    {
        var cut = text.IndexOfAny(new[] { '\r', '\n' });
        return (cut > 0 ? text.Substring(0, cut) : text).Trim();
    }
}
