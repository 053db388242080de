namespace FastTrack.Core.Plans;

/// <summary>A person on the engagement: the assigned CSM or the FastTrack manager.</summary>
public sealed class Contact
{
    public string Name { get; set; } = "";
    public string? Email { get; set; }

    public override string ToString() => Email is null ? Name : $"{Name} <{Email}>";
}
