using System;
using System.Collections.Generic;

namespace FastTrack.Core.Delivery;

/// <summary>What a digest says, gathered once from the plans: the mail body and the Teams card only lay it out,
/// so both say the same. Lists are already cut to what a reader scans; the counts say how much more there is.</summary>
public sealed class DigestContent
{
    internal DigestContent(string title, DateTimeOffset generated, int customers, int atRisk, IReadOnlyList<DigestRisk> risks,
        IReadOnlyList<AuMove> moves, IReadOnlyList<DueAction> actions, DateTime actionsDueBy)
    {
        Title = title;
        Generated = generated;
        Customers = customers;
        AtRisk = atRisk;
        Risks = risks;
        Moves = moves;
        Actions = actions;
        ActionsDueBy = actionsDueBy;
    }

    /// <summary>"Adoption digest — Contoso", or "Adoption digest — 12 customers": the mail's subject and the card's title.</summary>
    public string Title { get; }
    public DateTimeOffset Generated { get; }
    public int Customers { get; }
    /// <summary>Customers at Medium or High risk, as Get-FtPortfolio -AtRisk counts them.</summary>
    public int AtRisk { get; }
    /// <summary>The riskiest customers, heaviest reasons first (for one customer: that customer, whatever its level).</summary>
    public IReadOnlyList<DigestRisk> Risks { get; }
    /// <summary>AU of each intended service at its latest measurement against the one before, largest move first.</summary>
    public IReadOnlyList<AuMove> Moves { get; }
    /// <summary>Next actions due by <see cref="ActionsDueBy"/> (overdue ones included), soonest first.</summary>
    public IReadOnlyList<DueAction> Actions { get; }
    public DateTime ActionsDueBy { get; }
    public bool IsPortfolio => Customers > 1;
}
