namespace FastTrack.Core.Tests;

/// <summary>Files under TestData/, copied from shared/ byte for byte (see each folder's provenance).</summary>
internal static class TestData
{
    public static string Path(params string[] parts) =>
        System.IO.Path.Combine(new[] { AppContext.BaseDirectory, "TestData" }.Concat(parts).ToArray());
}
