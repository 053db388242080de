using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Security;
using FastTrack.Core.AdoptionReports;
using FastTrack.Core.Delivery;
using FastTrack.Core.Plans;
using FastTrack.PowerShell.Infrastructure;

namespace FastTrack.PowerShell.Delivery;

/// <summary>Sends the adoption digest (top risks with their reasons, AU moves, actions due) by mail through
/// Microsoft Graph sendMail with the full report attached, or to a Teams channel through a Workflows webhook as an
/// Adaptive Card. The plans piped in (or named by -TenantId, or every plan of the workspace) make one digest; with
/// -PerCustomer, one per customer.</summary>
[Cmdlet(VerbsCommunications.Send, "FtAdoptionDigest", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = MailSet)]
[OutputType(typeof(DigestDelivery))]
public sealed class SendFtAdoptionDigestCommand : FtWorkspaceCmdlet
{
    private const string MailSet = "Mail";
    private const string TeamsSet = "Teams";
    private readonly List<CustomerPlan> _plans = new();
    private int _piped;

    [Parameter(ValueFromPipeline = true)]
    public CustomerPlan? InputObject { get; set; }

    /// <summary>The tenants whose plans to send; by property name, so Get-FtPortfolio -AtRisk can be piped in.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(Completion.TenantIdCompleter))]
    public Guid[]? TenantId { get; set; }

    /// <summary>The mailbox that sends (a user or shared mailbox of the partner's tenant).</summary>
    [Parameter(Mandatory = true, ParameterSetName = MailSet)]
    [ValidateNotNullOrEmpty]
    public string From { get; set; } = "";

    [Parameter(ParameterSetName = MailSet)]
    [ValidateNotNullOrEmpty]
    [PSDefaultValue(Help = "for one customer, the plan's contacts with an address (CSM, FastTrack Manager)")]
    public string[]? To { get; set; }

    /// <summary>The connection whose tenant holds the -From mailbox (tenant id, default domain or display name).</summary>
    [Parameter(ParameterSetName = MailSet)]
    [ArgumentCompleter(typeof(Completion.ConnectionCompleter))]
    [ValidateNotNullOrEmpty]
    [PSDefaultValue(Help = "the live connection whose default domain is the -From domain, else the only live one")]
    public string? Connection { get; set; }

    /// <summary>The Teams Workflows webhook URL: a secret, as a SecureString (Get-Secret) or a string.</summary>
    [Parameter(Mandatory = true, ParameterSetName = TeamsSet)]
    [SecretTransformation]
    public SecureString? WebhookUrl { get; set; }

    /// <summary>One digest per customer (to its plan's contacts by mail, unless -To) instead of one for all.</summary>
    [Parameter] public SwitchParameter PerCustomer { get; set; }

    [Parameter] [ArgumentCompleter(typeof(Completion.CultureCompleter))] [PSDefaultValue(Help = "$PSUICulture")] public CultureInfo? Culture { get; set; }

    protected override void ProcessRecord()
    {
        _piped++;
        if (InputObject is not null) _plans.Add(InputObject);
        else if (TenantId is { Length: > 0 }) Read(TenantId);
    }

    protected override void EndProcessing()
    {
        // Nothing piped and no -TenantId: the whole portfolio.
        if (!MyInvocation.ExpectingInput && TenantId is null) Read(null);
        var plans = _plans.GroupBy(p => p.TenantId).Select(g => g.Last()).ToList();
        if (plans.Count == 0 && MyInvocation.ExpectingInput && _piped == 0)
        {
            // Get-FtPortfolio -AtRisk | Send-FtAdoptionDigest on a good week: no customer at risk, nothing to say.
            WriteVerbose("No plan came down the pipeline: no digest was sent.");
            return;
        }
        if (plans.Count == 0) ThrowFtError(DeliveryErrors.NoPlanToSend());
        var webhook = ParameterSetName == TeamsSet ? Require(() => WebhookAddress.Parse(WebhookUrl!)) : null;
        foreach (var digest in PerCustomer ? plans.Select(p => (IReadOnlyList<CustomerPlan>)new[] { p }) : new[] { (IReadOnlyList<CustomerPlan>)plans })
        {
            Guard(() =>
            {
                if (webhook is null) Mail(digest);
                else Post(digest, webhook);
            });
        }
    }

    private void Read(Guid[]? tenants)
    {
        foreach (var outcome in new PlanQuery { TenantIds = tenants }.Run(Store))
        {
            if (outcome.Succeeded) _plans.Add(outcome.Value!);
            else WriteFtError(outcome.Error!);
        }
    }

    private void Mail(IReadOnlyList<CustomerPlan> plans)
    {
        var culture = OutputCulture(Culture);
        var content = DigestBuilder.Build(plans, Context.Catalog, Context.Now, culture);
        var report = AdoptionReport.For(plans, Context.Catalog, Context.Now, culture);
        var message = DigestMail.Compose(content, report, From, DigestMail.Recipients(plans, To));
        var connection = MailConnection.Choose(Context.Connections, Connection, From);
        if (!ShouldProcess(message.To.ToString(), $"Send '{message.Subject}' from {message.From} with {message.Attachment} through {connection}")) return;
        WriteVerbose($"Sending '{message.Subject}' from {message.From} to {message.To} with {message.Attachment} through {connection}.");
        try
        {
            WriteObject(MailDelivery.Send(connection, message, Context.Clock, StopToken));
        }
        finally
        {
            WriteConnectionLog(connection.TenantId);
        }
    }

    private void Post(IReadOnlyList<CustomerPlan> plans, WebhookAddress webhook)
    {
        var content = DigestBuilder.Build(plans, Context.Catalog, Context.Now, OutputCulture(Culture));
        var payload = AdaptiveCard.Payload(content);
        if (!ShouldProcess(webhook.ToString(), $"Post the card '{content.Title}' ({content.Risks.Count} risks, {content.Moves.Count} AU moves, " +
            $"{content.Actions.Count} actions due; {(payload.Length + 1023) / 1024} KB)")) return;
        WriteVerbose($"Posting the card '{content.Title}' to {webhook}.");
        var log = new ConcurrentQueue<string>();
        try
        {
            WriteObject(new WebhookSender(log: log.Enqueue).Deliver(webhook, content, payload, Context.Clock, StopToken));
        }
        finally
        {
            while (log.TryDequeue(out var line)) WriteVerbose(line);
        }
    }
}
