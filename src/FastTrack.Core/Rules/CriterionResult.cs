namespace FastTrack.Core.Rules;

public enum CriterionResult
{
    Pass,
    Fail,
    Unknown,
}
