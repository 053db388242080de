using System.Globalization;
using System.Text;
using FastTrack.Core.AdoptionReports;
using FastTrack.Core.Delivery;
using FastTrack.Core.Errors;
using FastTrack.Core.Playbook;
using FastTrack.Core.Plans;

namespace FastTrack.Core.Tests.Delivery;

/// <summary>Issue 20: the digest mail: a compact HTML body, the full report attached (the HTML page, or the workbook
/// when the page is over Graph's inline limit, or nothing sent when neither fits), and who it goes to.</summary>
public sealed class DigestMailTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    private static DigestMessage Compose(IReadOnlyList<CustomerPlan> plans, params string[] to) =>
        DigestMail.Compose(DigestBuilder.Build(plans, PlaybookCatalog.Default, DigestPlans.Now, English),
            AdoptionReport.For(plans, PlaybookCatalog.Default, DigestPlans.Now, English), "pmo@partner.example", to);

    [Fact]
    public void The_body_is_the_digest_and_the_full_HTML_report_is_attached()
    {
        var plans = DigestPlans.All();
        var message = Compose(plans, "team@partner.example");
        Assert.Equal("Adoption digest — 3 customers", message.Subject);
        Assert.Contains("<h3>Top risks</h3>", message.HtmlBody);
        Assert.Contains("Yammer AU is 5.8%", message.HtmlBody);
        Assert.Contains("+3.0 pts", message.HtmlBody);
        Assert.Contains("2026-11-21 (overdue)", message.HtmlBody);
        Assert.DoesNotContain("<script", message.HtmlBody);
        Assert.Equal("adoption-portfolio-2026-11-24.html", message.Attachment.Name);
        Assert.Equal("text/html", message.Attachment.ContentType);
        var report = new StringWriter();
        HtmlAdoptionReport.Write(AdoptionReport.For(plans, PlaybookCatalog.Default, DigestPlans.Now, English), report);
        Assert.Equal(report.ToString(), Encoding.UTF8.GetString(message.Attachment.Bytes));
        Assert.Equal(new[] { "team@partner.example" }, message.To);
    }

    [Fact]
    public void User_text_in_the_body_is_encoded()
    {
        var plan = DigestPlans.Contoso();
        plan.Customer = "<img src=x onerror=alert(1)>";
        var message = Compose(new[] { plan }, "team@partner.example");
        Assert.DoesNotContain("<img", message.HtmlBody);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", message.HtmlBody);
        Assert.Equal("adoption-report-img-src-x-onerror-alert-1-2026-11-24.html", message.Attachment.Name);
    }

    [Fact]
    public void A_report_over_the_limit_is_attached_as_the_workbook_and_refused_when_that_is_over_too()
    {
        var plans = DigestPlans.All();
        var report = AdoptionReport.For(plans, PlaybookCatalog.Default, DigestPlans.Now, English);
        var page = DigestMail.Attach(report, long.MaxValue);
        var workbook = DigestMail.Attach(report, page.EncodedLength - 1);
        Assert.Equal("adoption-portfolio-2026-11-24.xlsx", workbook.Name);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook.ContentType);
        Assert.Equal((byte)'P', workbook.Bytes[0]); // a zip package
        Assert.True(workbook.EncodedLength < page.EncodedLength);
        var refused = Assert.Throws<FtException>(() => DigestMail.Attach(report, workbook.EncodedLength / 2));
        Assert.True(refused.Error.Is(nameof(DeliveryErrors.AttachmentTooLarge)));
        Assert.Contains("Export-FtAdoptionReport", refused.Error.Message);
    }

    [Fact]
    public void One_customers_report_goes_to_its_plan_contacts_unless_To_is_given()
    {
        var contoso = new[] { DigestPlans.Contoso() };
        Assert.Equal(new[] { "avery@example.com", "kim@example.com" }, DigestMail.Recipients(contoso, null));
        Assert.Equal(new[] { "x@partner.example" }, DigestMail.Recipients(contoso, new[] { "x@partner.example" }));
        var none = Assert.Throws<FtException>(() => DigestMail.Recipients(new[] { DigestPlans.Tailspin() }, null));
        Assert.True(none.Error.Is(nameof(DeliveryErrors.NoRecipients)));
        Assert.Contains("Tailspin", none.Error.Message);
        var portfolio = Assert.Throws<FtException>(() => DigestMail.Recipients(DigestPlans.All(), Array.Empty<string>()));
        Assert.Contains("-To", portfolio.Error.Message);
    }

    [Fact]
    public void An_address_that_is_not_one_is_refused_before_anything_is_sent()
    {
        var error = Assert.Throws<FtException>(() => Compose(DigestPlans.All(), "team@partner.example", "not an address")).Error;
        Assert.True(error.Is(nameof(DeliveryErrors.RecipientInvalid)));
    }
}
