namespace FastTrack.Core.Delivery;

/// <summary>Where a digest went.</summary>
public enum DeliveryChannel
{
    /// <summary>By mail, through Microsoft Graph sendMail.</summary>
    Mail,
    /// <summary>To a Teams channel, through a Workflows webhook.</summary>
    Teams,
}
