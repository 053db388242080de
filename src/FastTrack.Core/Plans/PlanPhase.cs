namespace FastTrack.Core.Plans;

/// <summary>Where the customer is in the FastTrack lifecycle, as far as this playbook is concerned.</summary>
public enum PlanPhase
{
    Enable,
    SuccessExecution,
    SuccessReview,
    Closed,
}
