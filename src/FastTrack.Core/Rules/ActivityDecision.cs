using FastTrack.Core.Playbook;

namespace FastTrack.Core.Rules;

/// <summary>Whether an activity applies to one service of a customer, and why.</summary>
public sealed class ActivityDecision
{
    internal ActivityDecision(string activity, string activityName, M365Service service, Applicability applicability, string facts, string rule)
    {
        Activity = activity;
        ActivityName = activityName;
        Service = service;
        Applicability = applicability;
        Facts = facts;
        Rule = rule;
    }

    public string Activity { get; }
    public string ActivityName { get; }
    public M365Service Service { get; }
    public Applicability Applicability { get; internal set; }
    /// <summary>The facts of the plan the decision rests on, in words.</summary>
    public string Facts { get; internal set; }
    /// <summary>The sentence of the page that decides.</summary>
    public string Rule { get; internal set; }
    /// <summary>The rule and the facts it used.</summary>
    public string Why => $"{Facts}: \"{Rule}\"";

    public bool Applies => Applicability is Applicability.Mandatory or Applicability.Optional;

    public override string ToString() => $"{ActivityName} / {Service}: {Applicability}";
}
