namespace FastTrack.Core.Plans;

public enum TaskState
{
    NotStarted,
    InProgress,
    Done,
    NotApplicable,
}
