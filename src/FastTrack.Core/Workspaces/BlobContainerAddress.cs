using System;
using System.Net;
using System.Text.RegularExpressions;

namespace FastTrack.Core.Workspaces;

/// <summary>A workspace in Azure Blob Storage, as -Workspace names it: <c>https://&lt;account&gt;.blob.core.windows.net/&lt;container&gt;</c>
/// (any cloud's blob endpoint), or an emulator's path-style <c>http://127.0.0.1:&lt;port&gt;/&lt;account&gt;/&lt;container&gt;</c>.
/// Only the address: nothing here touches Azure.Storage, so naming a folder never loads it.</summary>
public sealed class BlobContainerAddress
{
    // Azure's container rules: 3-63 of lower-case letters, digits and single hyphens, starting with a letter or digit.
    private static readonly Regex s_container = new("^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,62}$", RegexOptions.CultureInvariant);
    private static readonly Regex s_account = new("^[a-z0-9]{3,24}$", RegexOptions.CultureInvariant);

    private BlobContainerAddress(Uri container, string account, string name)
    {
        ContainerUri = container;
        Account = account;
        Container = name;
    }

    /// <summary>The container's URL, without a query (a SAS in the address would be a secret in every message).</summary>
    public Uri ContainerUri { get; }
    public string Account { get; }
    public string Container { get; }
    /// <summary>The emulator's path-style form (Azurite): plain http, only on this machine.</summary>
    public bool IsEmulator => ContainerUri.Scheme == Uri.UriSchemeHttp;

    /// <summary>Whether <paramref name="text"/> is meant as a blob address (http or https), valid or not.</summary>
    public static bool LooksLikeOne(string? text) =>
        text is not null && (text.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("http://", StringComparison.OrdinalIgnoreCase));

    /// <summary>The address, or why it is not one (for WorkspaceInvalid).</summary>
    public static BlobContainerAddress Parse(string text, Func<string, Exception> invalid)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)) throw invalid("it is not a URL");
        if (uri.Query.Length > 0 || uri.Fragment.Length > 0)
            throw invalid("a workspace URL holds no query or SAS token; sign in with Azure (DefaultAzureCredential) or set $env:FASTTRACK_STORAGE_CONNECTION_STRING");
        if (uri.UserInfo.Length > 0) throw invalid("a workspace URL holds no user name or password");
        var path = uri.AbsolutePath.Trim('/');
        var segments = path.Length == 0 ? new string[0] : path.Split('/');
        if (uri.Scheme == Uri.UriSchemeHttps)
        {
            var dot = uri.Host.IndexOf(".blob.", StringComparison.OrdinalIgnoreCase);
            if (dot <= 0) throw invalid("an https workspace is a blob endpoint: https://<account>.blob.core.windows.net/<container>");
            if (segments.Length != 1) throw invalid("the URL names a container and nothing after it: https://<account>.blob.core.windows.net/<container>");
            return Checked(uri, uri.Host.Substring(0, dot).ToLowerInvariant(), segments[0], invalid);
        }
        if (uri.Scheme == Uri.UriSchemeHttp)
        {
            if (!IsLoopback(uri.Host)) throw invalid("plain http is for the storage emulator on this machine only (http://127.0.0.1:<port>/devstoreaccount1/<container>); use https");
            if (segments.Length != 2) throw invalid("the emulator's URL is http://127.0.0.1:<port>/<account>/<container>");
            return Checked(uri, segments[0], segments[1], invalid);
        }
        throw invalid("only https (or http to the emulator on this machine) is supported");
    }

    public override string ToString() => ContainerUri.ToString();

    private static BlobContainerAddress Checked(Uri uri, string account, string container, Func<string, Exception> invalid)
    {
        if (!s_account.IsMatch(account)) throw invalid($"'{account}' is not a storage account name (3-24 lower-case letters and digits)");
        if (!s_container.IsMatch(container)) throw invalid($"'{container}' is not a container name (3-63 lower-case letters, digits and single hyphens)");
        var clean = new UriBuilder(uri.Scheme, uri.Host, uri.IsDefaultPort ? -1 : uri.Port, uri.AbsolutePath.TrimEnd('/')).Uri;
        return new BlobContainerAddress(clean, account, container);
    }

    private static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
}
