namespace FastTrack.Core.Rules;

/// <summary>What the playbook says about an activity or task for one service of one customer.</summary>
public enum Applicability
{
    /// <summary>Applies, and the page marks the task (M)andatory.</summary>
    Mandatory,
    /// <summary>Applies; the page marks the task (O)ptional, or the activity has no task.</summary>
    Optional,
    /// <summary>Would apply, but another rule says not to run it (the CSM handshake rule).</summary>
    Suppressed,
    /// <summary>Waits on a decision of the customer (take part in the adoption program?).</summary>
    AwaitingDecision,
    NotApplicable,
}
