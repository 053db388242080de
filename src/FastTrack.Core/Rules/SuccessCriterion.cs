using System;

namespace FastTrack.Core.Rules;

/// <summary>A key input, key outcome or other check of the page, evaluated against a plan, with its evidence.</summary>
public sealed class SuccessCriterion
{
    internal SuccessCriterion(string id, string kind, string text, CriterionResult result, string evidence, bool gates)
    {
        Id = id;
        Kind = kind;
        Text = text;
        Result = result;
        Evidence = evidence;
        Gates = gates;
    }

    public Guid TenantId { get; internal set; }
    public string Customer { get; internal set; } = "";
    public string Id { get; }
    /// <summary>KeyInput, KeyOutcome, PlaybookTasks (the mandatory FTOP tasks) or Objective.</summary>
    public string Kind { get; }
    /// <summary>The page's words, in the culture asked for.</summary>
    public string Text { get; }
    public CriterionResult Result { get; }
    public string Evidence { get; }
    /// <summary>Must pass (or not apply) before the customer moves on to the success review.</summary>
    public bool Gates { get; }

    /// <summary>Passes, or does not apply: it does not hold the customer back.</summary>
    public bool IsMet => Result is CriterionResult.Pass or CriterionResult.NotApplicable;

    public override string ToString() => $"{Result}: {Id} - {Evidence}";
}
