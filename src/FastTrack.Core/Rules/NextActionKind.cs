namespace FastTrack.Core.Rules;

/// <summary>What kind of step a next action is; also its rank (lower comes first).</summary>
public enum NextActionKind
{
    /// <summary>An open blocker on a service below its target (or not tied to a service).</summary>
    ResolveBlocker,
    /// <summary>A key input is missing: an intended service is not enabled or not communicated.</summary>
    KeyInput,
    /// <summary>The customer must decide (take part in the adoption program?).</summary>
    CustomerDecision,
    Task,
    Activity,
    /// <summary>An open blocker on a service that already meets its target.</summary>
    FollowUpBlocker,
    /// <summary>The criteria pass: move the customer to Conduct Success Review.</summary>
    Promote,
}
