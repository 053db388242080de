using System;

namespace FastTrack.Core.Delivery;

/// <summary>A next action of a customer that is due soon or overdue.</summary>
public sealed class DueAction
{
    internal DueAction(string customer, string title, string why, DateTime due, bool overdue)
    {
        Customer = customer;
        Title = title;
        Why = why;
        Due = due;
        Overdue = overdue;
    }

    public string Customer { get; }
    public string Title { get; }
    public string Why { get; }
    public DateTime Due { get; }
    public bool Overdue { get; }

    public override string ToString() => $"{Customer}: {Title} (due {Due:yyyy-MM-dd})";
}
