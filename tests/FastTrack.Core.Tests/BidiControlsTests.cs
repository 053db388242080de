using System.Globalization;
using FastTrack.Core.Playbook;
using FastTrack.Core.Text;

namespace FastTrack.Core.Tests;

/// <summary>User text cannot steer the direction of the text around it: its bidi controls are shown
/// (Reveal) or closed within it (Balance).</summary>
public sealed class BidiControlsTests
{
    private const string Rlo = "\u202E", Pdf = "\u202C", Lri = "\u2066", Pdi = "\u2069";

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a" + Rlo + "b", "a[U+202E]b")]
    [InlineData("\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C",
        "[U+202A][U+202B][U+202C][U+202D][U+202E][U+2066][U+2067][U+2068][U+2069][U+200E][U+200F][U+061C]")]
    public void Reveal_shows_every_control_by_its_code_point(string text, string revealed) =>
        Assert.Equal(revealed, BidiControls.Reveal(text));

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a" + Rlo + "b", "a" + Rlo + "b" + Pdf)]                          // an open override is closed
    [InlineData("a" + Pdi + Rlo + "b", "a" + Rlo + "b" + Pdf)]                    // a stray PDI would close the bdi around it
    [InlineData("a" + Pdf + Pdf + Rlo + "b", "a" + Rlo + "b" + Pdf)]              // so would a stray PDF an embedding outside
    [InlineData(Lri + "a" + Rlo + "b" + Pdi + "c", Lri + "a" + Rlo + "b" + Pdi + "c")] // a PDI ends the override opened in its isolate
    [InlineData(Rlo + Lri + "a", Rlo + Lri + "a" + Pdi + Pdf)]
    [InlineData(Lri + Pdf + "a" + Pdi, Lri + "a" + Pdi)]                          // a PDF cannot reach out of an isolate
    [InlineData("\u200Fname\u200E", "\u200Fname\u200E")]                          // marks have no scope: kept
    public void Balance_closes_within_the_text_whatever_the_text_opens(string text, string balanced) =>
        Assert.Equal(balanced, BidiControls.Balance(text));

    [Fact]
    public void A_rule_message_balances_user_text_and_keeps_numbers_and_dates_formatted()
    {
        var text = PlaybookCatalog.Default.Message("Ev.CsmOwns", CultureInfo.GetCultureInfo("en-US"), "Avery " + Pdi + Rlo + "Smith", "Teams");
        Assert.Equal("CSM Avery " + Rlo + "Smith" + Pdf + " leads Teams", text);
        Assert.Equal("CSM Avery Smith leads Teams", PlaybookCatalog.Default.Message("Ev.CsmOwns", CultureInfo.GetCultureInfo("en-US"), "Avery Smith", "Teams"));
        Assert.Equal("Record check-in #3 of 2026-05-04 as held or missed",
            PlaybookCatalog.Default.Message("Action.RecordCheckIn", CultureInfo.GetCultureInfo("en-US"), 3, new DateTime(2026, 5, 4)));
    }
}
