namespace FastTrack.Core.Workflow;

/// <summary>Something that changed for a customer since the last run of the playbook.</summary>
public sealed class RunChange
{
    public RunChange(RunChangeKind kind, string subject, string text)
    {
        Kind = kind;
        Subject = subject;
        Text = text;
    }

    public RunChangeKind Kind { get; }
    /// <summary>The service, action or criterion it is about.</summary>
    public string Subject { get; }
    public string Text { get; }

    public override string ToString() => Text;
}

public enum RunChangeKind
{
    FirstRun,
    Usage,
    TargetReached,
    TargetLost,
    NewAction,
    ActionClosed,
    CriterionPassed,
    CriterionFailed,
    ReadyForPromotion,
    /// <summary>The plan has moved on to the success review (or was closed): nothing more to do here.</summary>
    Promoted,
}
