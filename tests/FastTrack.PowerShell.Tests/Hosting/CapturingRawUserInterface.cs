using System.Management.Automation.Host;

namespace FastTrack.PowerShell.Tests.Hosting;

/// <summary>A fixed 160-column window: format views are laid out as in a wide console.</summary>
internal sealed class CapturingRawUserInterface : PSHostRawUserInterface
{
    public override ConsoleColor BackgroundColor { get; set; } = ConsoleColor.Black;
    public override ConsoleColor ForegroundColor { get; set; } = ConsoleColor.Gray;
    public override Size BufferSize { get; set; } = new(160, 9999);
    public override Coordinates CursorPosition { get; set; }
    public override int CursorSize { get; set; }
    public override bool KeyAvailable => false;
    public override Size MaxPhysicalWindowSize => new(160, 200);
    public override Size MaxWindowSize => new(160, 200);
    public override Coordinates WindowPosition { get; set; }
    public override Size WindowSize { get; set; } = new(160, 50);
    public override string WindowTitle { get; set; } = "";

    public override void FlushInputBuffer() { }
    public override BufferCell[,] GetBufferContents(Rectangle rectangle) => new BufferCell[0, 0];
    public override KeyInfo ReadKey(ReadKeyOptions options) => throw new InvalidOperationException("The module asked for a key.");
    public override void ScrollBufferContents(Rectangle source, Coordinates destination, Rectangle clip, BufferCell fill) { }
    public override void SetBufferContents(Coordinates origin, BufferCell[,] contents) { }
    public override void SetBufferContents(Rectangle rectangle, BufferCell fill) { }
}
