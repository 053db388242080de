using System;

namespace FastTrack.Core.Rules;

/// <summary>A key input or key outcome of the page, checked against a plan, with its evidence.</summary>
public sealed class SuccessCriterion
{
    internal SuccessCriterion(string id, string kind, string text, CriterionResult result, string evidence)
    {
        Id = id;
        Kind = kind;
        Text = text;
        Result = result;
        Evidence = evidence;
    }

    public Guid TenantId { get; internal set; }
    public string Customer { get; internal set; } = "";
    public string Id { get; }
    /// <summary>KeyInput or KeyOutcome.</summary>
    public string Kind { get; }
    /// <summary>The page's words.</summary>
    public string Text { get; }
    public CriterionResult Result { get; }
    public string Evidence { get; }

    public override string ToString() => $"{Result}: {Id} - {Evidence}";
}
