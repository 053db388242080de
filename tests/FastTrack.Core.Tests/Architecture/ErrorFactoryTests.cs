using System.Reflection;
using System.Text.RegularExpressions;
using FastTrack.Core.Errors;
using FastTrack.Core.Playbook;

namespace FastTrack.Core.Tests.Architecture;

/// <summary>Issue 16: every error id is made in exactly one place, an area's *Errors class, by a method named as
/// the id; code asks <c>error.Is(nameof(...))</c> rather than comparing id strings.</summary>
public sealed class ErrorFactoryTests
{
    private static readonly string SourceRoot = typeof(ErrorFactoryTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SourceRoot").Value!;

    private static IEnumerable<MethodInfo> CoreFactories() =>
        typeof(PlaybookCatalog).Assembly.GetTypes()
            .Where(t => t.Name.EndsWith("Errors", StringComparison.Ordinal) && t.IsAbstract && t.IsSealed)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Where(m => m.ReturnType == typeof(FtError) && m.Name != "From");

    [Fact]
    public void Each_core_factory_makes_the_error_its_name_says()
    {
        var factories = CoreFactories().ToList();
        Assert.True(factories.Count > 60, $"found {factories.Count} factories");
        foreach (var factory in factories)
        {
            var error = (FtError)factory.Invoke(null, factory.GetParameters().Select(p => Sample(p.ParameterType)).ToArray())!;
            Assert.True(error.ErrorId == factory.Name, $"{factory.DeclaringType!.Name}.{factory.Name} makes {error.ErrorId}");
            Assert.False(string.IsNullOrWhiteSpace(error.Message), factory.Name);
            Assert.True(error.Is(factory.Name));
        }
    }

    [Fact]
    public void Errors_are_made_only_in_errors_classes_one_method_per_id()
    {
        var files = Directory.EnumerateFiles(SourceRoot, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")).ToList();
        Assert.Contains(files, f => f.EndsWith("GraphErrors.cs"));
        var factory = new Regex(@"public static FtError (\w+)\([^)]*\)\s*=>\s*new(?:\(|\s+FtError\()\s*nameof\((\w+)\)", RegexOptions.Singleline);
        var ids = new Dictionary<string, string>();
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var name = Path.GetFileName(file);
            if (!name.EndsWith("Errors.cs", StringComparison.Ordinal))
            {
                Assert.False(Regex.IsMatch(text, @"new\s+(Core\.Errors\.)?FtError\(|new\(nameof\("), $"{name} makes an error itself");
                Assert.False(Regex.IsMatch(text, @"ErrorId\s*(==|!=|is\b)"), $"{name} compares error ids by hand");
                continue;
            }
            foreach (Match match in factory.Matches(text))
            {
                Assert.True(match.Groups[1].Value == match.Groups[2].Value, $"{name}: {match.Groups[1].Value} makes {match.Groups[2].Value}");
                Assert.True(ids.TryAdd(match.Groups[1].Value, name), $"{match.Groups[1].Value} is made in {name} and in {ids.GetValueOrDefault(match.Groups[1].Value)}");
            }
            var constructions = Regex.Matches(text, @"new\(nameof\(|new FtError\(").Count;
            Assert.True(constructions == factory.Matches(text).Count, $"{name}: every error is made by a factory named as its id");
        }
        Assert.True(ids.Count > 70, $"found {ids.Count} ids");
    }

    // A value of each parameter type a factory takes, enough to build its message.
    private static object? Sample(Type type)
    {
        if (type == typeof(string)) return "sample";
        if (type == typeof(object)) return "target";
        if (type == typeof(Guid)) return Guid.Parse("6f1c4a52-8d3e-4b7a-9a1e-2f5c7d9b0e13");
        if (type == typeof(DateTime)) return new DateTime(2026, 11, 24);
        if (type == typeof(TimeSpan)) return TimeSpan.FromSeconds(5);
        if (type == typeof(Exception)) return new IOException("disk said no");
        if (type == typeof(FtError)) return new FtError("Inner", FtErrorKind.InvalidData, null, "inner problem.");
        if (type == typeof(Core.Plans.CustomerPlan)) return Core.Plans.CustomerPlan.New(PlaybookCatalog.Default, Guid.NewGuid(), "Contoso", new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        if (type == typeof(Core.Plans.CheckIn)) return new Core.Plans.CheckIn { Id = 1, Date = new DateTime(2026, 12, 1) };
        if (type == typeof(Core.Plans.Blocker)) return new Core.Plans.Blocker { Id = 1, Description = "Proxy", Opened = new DateTime(2026, 11, 1) };
        if (type == typeof(Core.Plans.TaskProgress)) return new Core.Plans.TaskProgress { TaskId = 3731, Service = M365Service.Teams };
        if (type == typeof(Core.Plans.SuccessMetric)) return new Core.Plans.SuccessMetric { Name = "Meetings" };
        if (type == typeof(Core.Licensing.PaidUnitsCount)) return new Core.Licensing.PaidUnitsCount(0, new[] { "FLOW_FREE" }, Array.Empty<string>());
        if (type == typeof(Core.UsageReports.ReportDefinition)) return Core.UsageReports.ReportDefinition.All.First();
        if (type == typeof(Core.Workspaces.BlobContainerAddress)) return new Core.Workspaces.Workspace("https://contoso.blob.core.windows.net/fasttrack").Blob;
        if (type.IsEnum) return Enum.GetValues(type).GetValue(0);
        if (type.IsValueType) return Activator.CreateInstance(type);
        if (type.IsGenericType && type.GetGenericArguments() is [var item])
            return Array.CreateInstance(item, 0);
        throw new InvalidOperationException($"No sample for {type}");
    }
}
