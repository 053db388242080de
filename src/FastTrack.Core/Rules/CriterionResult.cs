namespace FastTrack.Core.Rules;

public enum CriterionResult
{
    Pass,
    Fail,
    Unknown,
    /// <summary>The page makes the criterion conditional and the condition does not hold (no CSM is
    /// aligned, say): it never fails anything.</summary>
    NotApplicable,
}
