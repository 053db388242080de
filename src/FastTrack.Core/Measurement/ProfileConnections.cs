using System;
using System.Threading;
using FastTrack.Core.Connections;
using FastTrack.Core.Errors;
using FastTrack.Core.Graph;
using FastTrack.Core.Plans;

namespace FastTrack.Core.Measurement;

/// <summary>The nightly run's sign-in: a plan whose tenant is not connected, and that holds a connection profile,
/// is connected from it, so one command runs a whole portfolio. In two steps: <see cref="Request"/> on the
/// caller's thread (reading a secret from a vault may need the PowerShell pipeline thread), then
/// <see cref="Connect"/> wherever the plan is prepared (several tenants sign in at once). The connection is kept in
/// the registry like one made by Connect-FtTenant.</summary>
public sealed class ProfileConnections
{
    private readonly ConnectionRegistry _connections;
    private readonly SecretSources _secrets;
    private readonly GraphOptions _options;

    public ProfileConnections(ConnectionRegistry connections, SecretSources secrets, GraphOptions options)
    {
        _connections = connections;
        _secrets = secrets;
        _options = options;
    }

    /// <summary>The sign-in request of the plan's tenant, or null when it is connected already or has no profile.
    /// A secret that cannot be read throws, naming where it was looked for.</summary>
    public ConnectionRequest? Request(CustomerPlan plan) =>
        plan.ConnectionProfile is { } profile && _connections.Find(plan.TenantId) is null
            ? ProfileSignIn.Request(profile, plan.TenantId, _secrets)
            : null;

    /// <summary>Signs in and keeps the connection (unless another one of the tenant was opened meanwhile). A failure
    /// names the customer: in a run of hundreds, "Entra ID could not be reached" alone says not whose sign-in.</summary>
    public TenantConnection Connect(CustomerPlan plan, ConnectionRequest request, CancellationToken cancellationToken)
    {
        TenantConnection connection;
        try
        {
            connection = TenantConnector.Connect(request, _options, cancellationToken);
        }
        catch (FtException ex)
        {
            throw ConnectionProfileErrors.ProfileSignInFailed(plan.Customer, plan.TenantId, ex.Error).ToException(ex);
        }
        if (_connections.Find(connection.TenantId) is { } opened)
        {
            connection.Dispose();
            return opened;
        }
        _connections.Add(connection);
        return connection;
    }
}
