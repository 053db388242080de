namespace FastTrack.Core.Workspaces;

/// <summary>One plan's document inside <see cref="IPlanStorage.Change{T}"/>: read it, then replace or archive it.</summary>
public interface IPlanSlot
{
    /// <summary>The document's text now; null when there is none.</summary>
    string? Text { get; }

    /// <summary>Replaces the document (or creates it), whole or not at all; the one it replaces is kept as the backup.</summary>
    void Write(string text);

    /// <summary>Moves the document out of the workspace, to the removed plans, under <paramref name="stamp"/>.</summary>
    void Archive(string stamp);
}
