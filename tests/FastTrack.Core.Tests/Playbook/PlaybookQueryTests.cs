using System.Globalization;
using FastTrack.Core.Errors;
using FastTrack.Core.Playbook;

namespace FastTrack.Core.Tests.Playbook;

public sealed class PlaybookQueryTests
{
    private static readonly PlaybookQuery Query = new(PlaybookCatalog.Default);
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    [Theory]
    [InlineData("VivaEngage", M365Service.Yammer)]
    [InlineData("viva engage", M365Service.Yammer)]
    [InlineData("OfficeProPlus", M365Service.Microsoft365Apps)]
    [InlineData("outlook-mobile", M365Service.OutlookMobile)]
    [InlineData("OneDrive para la Empresa", M365Service.OneDrive)]
    public void Service_names_and_aliases_resolve(string name, M365Service expected)
    {
        var outcome = ServiceNames.Resolve(PlaybookCatalog.Default, name);
        Assert.Equal(new[] { expected }, outcome.Value);
    }

    [Fact]
    public void Service_wildcards_match_several_and_an_empty_match_is_not_an_error()
    {
        // "O*" also matches the alias "OfficeProPlus" of Microsoft 365 Apps.
        Assert.Equal(new[] { M365Service.OutlookMobile, M365Service.OneDrive, M365Service.Microsoft365Apps },
            ServiceNames.Resolve(PlaybookCatalog.Default, "O*").Value);
        var none = ServiceNames.Resolve(PlaybookCatalog.Default, "Zz*");
        Assert.True(none.Succeeded);
        Assert.Empty(none.Value!);
    }

    [Fact]
    public void An_unknown_service_alone_returns_the_error_and_no_tasks()
    {
        var results = Query.Tasks(null, new[] { "Bogus" }, null, null, English).ToList();
        var error = Assert.Single(results).Error!;
        Assert.Equal("UnknownService", error.ErrorId);
        Assert.Equal(FtErrorKind.InvalidArgument, error.Kind);
    }

    [Fact]
    public void Filters_combine()
    {
        var ids = Query.Tasks(null, new[] { "OneDrive" }, new[] { "AdoptionServiceProgram" }, false, English).Select(o => o.Value!.Id);
        Assert.Equal(new[] { 3743 }, ids);
    }

    [Fact]
    public void Unknown_activity_and_task_are_ObjectNotFound()
    {
        var errors = Query.Tasks(new[] { 1 }, null, new[] { "Nope" }, null, English).Where(o => !o.Succeeded).Select(o => o.Error!).ToList();
        Assert.Equal(new[] { "ActivityNotFound", "TaskNotFound" }, errors.Select(e => e.ErrorId));
        Assert.All(errors, e => Assert.Equal(FtErrorKind.ObjectNotFound, e.Kind));
    }

    [Fact]
    public void A_culture_the_catalogue_lacks_falls_back_to_English_and_a_regional_one_to_its_language()
    {
        var french = Query.Tasks(new[] { 3731 }, null, null, null, CultureInfo.GetCultureInfo("fr-FR")).Single().Value!;
        Assert.Equal("Teams - Post Enablement Field Handshake", french.Name);
        var mexican = Query.Tasks(new[] { 3731 }, null, null, null, CultureInfo.GetCultureInfo("es-MX")).Single().Value!;
        Assert.Equal("Teams - Handshake del campo posterior a la habilitación", mexican.Name);
    }

    [Fact]
    public void A_broken_catalogue_names_its_source()
    {
        using var stream = new MemoryStream("{ \"schema\": 1, ".Select(c => (byte)c).ToArray());
        var ex = Assert.Throws<FtException>(() => PlaybookCatalog.Load(stream, "playbook-next.json"));
        Assert.Equal("PlaybookCatalogInvalid", ex.Error.ErrorId);
        Assert.Contains("playbook-next.json", ex.Message);
    }
}
