using FastTrack.Core.Errors;
using FastTrack.Core.Workspaces;

namespace FastTrack.Core.Stores;

/// <summary>Every error of a workspace in Azure Blob Storage: one id (the method's name) and one text each, each
/// naming the fix. No message holds a key, a SAS or a token: only the container's URL, a status and a code.</summary>
public static class StoreErrors
{
    public static FtError StorageContainerNotFound(BlobContainerAddress address) => new(nameof(StorageContainerNotFound), FtErrorKind.ObjectNotFound, address.ToString(),
        $"The container '{address.Container}' does not exist in the storage account '{address.Account}'. The module never creates it: " +
        $"create it once (az storage container create --account-name {address.Account} --name {address.Container} --auth-mode login, or in the portal), " +
        "or check -Workspace (or $env:FASTTRACK_WORKSPACE).");

    public static FtError StorageAccessDenied(BlobContainerAddress address, int status, string? code) => new(nameof(StorageAccessDenied), FtErrorKind.PermissionDenied, address.ToString(),
        $"The storage account '{address.Account}' refused access to the container '{address.Container}' ({status} {code}). Grant the identity the module " +
        "signs in as (the managed identity of the Automation account or Function app; at a desk, your Azure CLI or Visual Studio sign-in) " +
        "the role \"Storage Blob Data Contributor\" on the container or the account (az role assignment create --role \"Storage Blob Data Contributor\" " +
        $"--assignee <object id> --scope <the storage account's resource id>/blobServices/default/containers/{address.Container}); roles take a few minutes to apply. " +
        "With $env:FASTTRACK_STORAGE_CONNECTION_STRING, check its key. A network rule of the account (firewall, private endpoint) is refused the same way.");

    public static FtError StorageUnreachable(BlobContainerAddress address, string why) => new(nameof(StorageUnreachable), FtErrorKind.ConnectionError, address.ToString(),
        $"The storage account '{address.Account}' could not be reached at {address.ContainerUri.GetLeftPart(System.UriPartial.Authority)}: {why}. " +
        "Check the account name in -Workspace, this machine's network (DNS, proxy, firewall) and that the account admits it (public access or a private endpoint).");

    public static FtError StorageSignInFailed(BlobContainerAddress address, string why) => new(nameof(StorageSignInFailed), FtErrorKind.AuthenticationError, address.ToString(),
        $"No Azure sign-in reached the storage account '{address.Account}': {why}. Sign in with the Azure CLI (az login) or Visual Studio at a desk, " +
        "give the Automation account or Function app a managed identity, or set $env:FASTTRACK_STORAGE_CONNECTION_STRING to the account's connection string.");

    public static FtError StorageRequestFailed(BlobContainerAddress address, string what, int status, string? code) => new(nameof(StorageRequestFailed), FtErrorKind.ResourceUnavailable, address.ToString(),
        $"The storage account '{address.Account}' refused {what}: {status} {code}. Nothing was changed that was not whole; try again, " +
        "and if it persists check the account's health in the Azure portal.");
}
