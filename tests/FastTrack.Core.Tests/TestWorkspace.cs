using Azure.Storage.Blobs;
using FastTrack.Core.Workspaces;
using FastTrack.Tests.Shared;

namespace FastTrack.Core.Tests;

/// <summary>A workspace for one test, of either kind the store has: a real folder, or a fresh container in Azurite.
/// The test reads and writes its raw documents by name ("plans/&lt;tenant&gt;.json") whichever kind it is.</summary>
public sealed class TestWorkspace : IDisposable
{
    public const string Folder = "folder";
    public const string Blob = "blob";
    private readonly TempDirectory? _dir;
    private readonly BlobContainerClient? _container;

    public TestWorkspace(string kind, AzuriteFixture azurite)
    {
        Kind = kind;
        if (kind == Blob)
        {
            _container = azurite.Emulator.NewContainer();
            Workspace = new Workspace(_container.Uri.ToString());
        }
        else
        {
            _dir = new TempDirectory();
            Workspace = new Workspace(_dir.Path);
        }
    }

    /// <summary>Both kinds, or only the folder when Azurite is not installed (outside CI).</summary>
    public static string[] KindNames => AzuriteFixture.Available ? new[] { Folder, Blob } : new[] { Folder };

    public static TheoryData<string> Kinds => new(KindNames);

    public string Kind { get; }
    public Workspace Workspace { get; }
    public BlobContainerClient? Container => _container;

    public string? Text(string name)
    {
        if (_container is null)
        {
            var path = Path.Combine(_dir!.Path, name);
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        var blob = _container.GetBlobClient(name);
        return blob.Exists().Value ? blob.DownloadContent().Value.Content.ToString() : null;
    }

    public void Write(string name, string text)
    {
        if (_container is null) File.WriteAllText(Path.Combine(_dir!.Path, name), text);
        else _container.GetBlobClient(name).Upload(BinaryData.FromString(text), overwrite: true);
    }

    /// <summary>The names of the documents under <paramref name="prefix"/> (a folder, "plans/removed/"), in order.</summary>
    public IReadOnlyList<string> Names(string prefix)
    {
        if (_container is null)
        {
            var folder = Path.Combine(_dir!.Path, prefix);
            return Directory.Exists(folder)
                ? Directory.GetFiles(folder).Select(f => prefix + Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList()
                : new List<string>();
        }
        return _container.GetBlobsByHierarchy(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, "/", prefix).Where(i => i.IsBlob).Select(i => i.Blob.Name).ToList();
    }

    public static string PlanName(Guid tenantId) => $"plans/{tenantId:D}.json";

    public void Dispose()
    {
        _dir?.Dispose();
        try { _container?.DeleteIfExists(); } catch (Azure.RequestFailedException) { }
    }
}
