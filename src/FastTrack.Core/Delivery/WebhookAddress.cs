using System;
using System.Runtime.InteropServices;
using System.Security;

namespace FastTrack.Core.Delivery;

/// <summary>A Teams Workflows webhook URL. It is a secret: its query (sig=...) is what lets anyone post to the
/// channel. Only the host is ever shown (ToString, errors, -WhatIf, -Verbose); the URL itself stays in this
/// object, out of every public member, so that no formatter, serializer or log can print it.</summary>
public sealed class WebhookAddress
{
    private readonly Uri _uri;

    private WebhookAddress(Uri uri) => _uri = uri;

    /// <summary>The host, which is no secret: "prod-27.westus.logic.azure.com".</summary>
    public string Host => _uri.Host;

    internal Uri Uri => _uri;

    /// <summary>An https URL (http only on loopback, for tests); anything else is WebhookUrlInvalid, which quotes none of it.</summary>
    public static WebhookAddress Parse(string? text)
    {
        if (!Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var uri)
            || !(uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)
            || string.IsNullOrEmpty(uri.Host))
            throw DeliveryErrors.WebhookUrlInvalid().ToException();
        return new WebhookAddress(uri);
    }

    public static WebhookAddress Parse(SecureString secret)
    {
        var pointer = Marshal.SecureStringToGlobalAllocUnicode(secret);
        try { return Parse(Marshal.PtrToStringUni(pointer)); }
        finally { Marshal.ZeroFreeGlobalAllocUnicode(pointer); }
    }

    public override string ToString() => $"the Teams webhook at {Host}";
}
