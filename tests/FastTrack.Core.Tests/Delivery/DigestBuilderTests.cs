using System.Globalization;
using FastTrack.Core.Delivery;
using FastTrack.Core.Playbook;
using FastTrack.Core.Portfolio;

namespace FastTrack.Core.Tests.Delivery;

/// <summary>Issue 20: what a digest says: the riskiest customers with their heaviest reasons, each service's AU move
/// since its previous measurement, and the actions due within a week.</summary>
public sealed class DigestBuilderTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    private static DigestContent Build(params FastTrack.Core.Plans.CustomerPlan[] plans) =>
        DigestBuilder.Build(plans.Length == 0 ? DigestPlans.All() : plans, PlaybookCatalog.Default, DigestPlans.Now, English);

    [Fact]
    public void A_portfolio_digest_shows_the_customers_at_risk_ranked_as_Get_FtPortfolio_with_their_heaviest_reasons()
    {
        var digest = Build();
        Assert.Equal("Adoption digest — 3 customers", digest.Title);
        Assert.Equal(3, digest.Customers);
        var ranked = PortfolioTriage.Rank(DigestPlans.All(), PlaybookCatalog.Default, DigestPlans.Today, English).Where(e => e.AtRisk).ToList();
        Assert.Equal(ranked.Select(e => e.Customer), digest.Risks.Select(r => r.Customer));
        Assert.Equal(ranked.Count, digest.AtRisk);
        var contoso = digest.Risks.Single(r => r.Customer == "Contoso");
        var entry = ranked.Single(e => e.Customer == "Contoso");
        Assert.Equal(entry.RiskScore, contoso.Score);
        Assert.Equal(entry.Reasons.Take(DigestBuilder.MaxReasons).Select(r => r.Text), contoso.Reasons.Select(r => r.Text));
        Assert.Equal(entry.Reasons.Count - DigestBuilder.MaxReasons, contoso.MoreReasons);
        Assert.Contains("Yammer AU is 5.8%", contoso.Reasons[0].Text);
        Assert.DoesNotContain(digest.Risks, r => r.Customer == "Fabrikam");
    }

    [Fact]
    public void AU_moves_compare_the_last_two_measurements_largest_first_and_skip_services_measured_once()
    {
        var moves = Build().Moves;
        Assert.Equal(new[] { ("Fabrikam", 3.0), ("Contoso", 2.5), ("Contoso", -0.3) }, moves.Select(m => (m.Customer, m.Change)));
        var yammer = moves.Single(m => m.Service.Contains("Yammer") || m.Service.Contains("Viva Engage"));
        Assert.Equal(6.1, yammer.FromPercent);
        Assert.Equal(5.8, yammer.ToPercent);
        Assert.Equal(DigestPlans.Today.AddDays(-7), yammer.FromDate);
        Assert.Equal("-0.3 pts", yammer.ChangeText);
        Assert.Equal("6.1% → 5.8% (target 10%)", yammer.Figures);
        Assert.DoesNotContain(moves, m => m.Customer == "Tailspin");
    }

    [Fact]
    public void Actions_due_within_a_week_are_listed_soonest_first_with_overdue_ones_marked()
    {
        var digest = Build();
        Assert.Equal(DigestPlans.Today.AddDays(DigestBuilder.ActionWindowDays), digest.ActionsDueBy);
        var overdue = Assert.Single(digest.Actions, a => a.Overdue);
        Assert.Equal("Contoso", overdue.Customer);
        Assert.Equal(DigestPlans.Today.AddDays(-3), overdue.Due);
        Assert.All(digest.Actions, a => Assert.True(a.Due <= digest.ActionsDueBy));
        Assert.Equal(digest.Actions.OrderBy(a => a.Due).Select(a => a.Title), digest.Actions.Select(a => a.Title));
    }

    [Fact]
    public void One_customers_digest_shows_that_customer_even_when_it_is_not_at_risk()
    {
        var digest = Build(DigestPlans.Fabrikam());
        Assert.Equal("Adoption digest — Fabrikam", digest.Title);
        Assert.False(digest.IsPortfolio);
        Assert.Equal(RiskLevel.Low, Assert.Single(digest.Risks).Level);
        Assert.Equal(0, digest.AtRisk);
    }
}
