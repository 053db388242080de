using System;
using System.Linq;
using System.Threading;
using FastTrack.Core.Connections;
using FastTrack.Core.Errors;
using FastTrack.Core.Sample;
using Newtonsoft.Json.Linq;

namespace FastTrack.Core.Graph;

/// <summary>Connects to a tenant: builds the credential, checks it by reading the organization (which
/// also gives the tenant id when a domain was given), and notes whether reports conceal names.</summary>
public static class TenantConnector
{
    public static TenantConnection Connect(ConnectionRequest request, GraphOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new GraphOptions();
        if (request.Method == ConnectionMethod.Sample)
        {
            var sample = SampleTenantOptions.EndingBefore(options.Clock);
            return new TenantConnection(sample.TenantId, ConnectionMethod.Sample, request.Cloud, new Uri("sample://" + sample.Domain + "/"), null, options.Clock)
            {
                DisplayName = sample.Customer,
                DefaultDomain = sample.Domain,
                ReportsConcealNames = false,
            };
        }
        return Connect(request, options, CredentialFactory.Create(request, cancellationToken), cancellationToken);
    }

    /// <summary>Connects with a credential built elsewhere (the tests' stand-in for Entra ID, which cannot run here).</summary>
    internal static TenantConnection Connect(ConnectionRequest request, GraphOptions options, Azure.Core.TokenCredential credential, CancellationToken cancellationToken)
    {
        TenantConnection? created = null;
        var pending = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var log = options.Log;
        var serial = new object();
        // The connection's own copy: the caller's options may serve other connections, whose lines must not
        // come here. Lines logged before the connection exists wait in a queue, then go to the connection's log;
        // the caller's log hears one line at a time, though downloads run in parallel.
        options = options.With(line =>
        {
            if (log is not null) lock (serial) log(line);
            if (created is { } c) c.Log(line); else pending.Enqueue(SecretText.Redact(line));
        });
        var session = new GraphSession(credential, request.Endpoint, CredentialFactory.Scopes(request), options);
        try
        {
            var organization = Organization(session, request, cancellationToken);
            var connection = new TenantConnection(organization.Id, request.Method, request.Cloud, request.Endpoint, session, options.Clock)
            {
                DisplayName = organization.Name,
                DefaultDomain = organization.Domain,
                ClientId = request.ClientId,
            };
            created = connection;
            while (pending.TryDequeue(out var line)) connection.Log(line);
            connection.ReportsConcealNames = ConcealsNames(session, cancellationToken);
            return connection;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    private static (Guid Id, string? Name, string? Domain) Organization(GraphSession session, ConnectionRequest request, CancellationToken cancellationToken)
    {
        var json = JObject.Parse(session.GetText(session.Client.Organization.ToGetRequestInformation(), "the organization", "Organization.Read.All", cancellationToken));
        var org = json["value"]?.FirstOrDefault() as JObject
            ?? throw GraphErrors.OrganizationMissing(request.Tenant).ToException();
        var id = Guid.Parse((string)org["id"]!);
        if (Guid.TryParse(request.Tenant, out var asked) && asked != id)
        {
            throw GraphErrors.TenantMismatch(request.Tenant, id).ToException();
        }
        var domain = org["verifiedDomains"]?.OfType<JObject>().FirstOrDefault(d => (bool?)d["isDefault"] == true)?["name"]?.ToString();
        return (id, (string?)org["displayName"], domain);
    }

    // Reading admin/reportSettings needs ReportSettings.Read.All, beyond the module's least privilege:
    // when it is refused, concealment is still noticed in the reports themselves. It is never changed.
    private static bool? ConcealsNames(GraphSession session, CancellationToken cancellationToken)
    {
        try
        {
            var json = JObject.Parse(session.GetText(session.Client.Admin.ReportSettings.ToGetRequestInformation(), "the report settings", "ReportSettings.Read.All", cancellationToken));
            return (bool?)json["displayConcealedNames"];
        }
        catch (FtException ex) when (ex.Error.Kind is FtErrorKind.PermissionDenied or FtErrorKind.ObjectNotFound)
        {
            session.Options.Log?.Invoke("admin/reportSettings could not be read (ReportSettings.Read.All is not granted); concealed names are detected in the reports instead.");
            return null;
        }
    }
}
