using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Http.HttpClientLibrary.Extensions;

namespace FastTrack.Core.Graph;

/// <summary>Asks <see cref="ResponseContentHandler"/> for the framing of a call's final response (after the
/// redirect to the download): the SDK hands back only the body's stream.</summary>
internal sealed class ResponseContentOption : IRequestOption
{
    /// <summary>The Content-Length of the body as it is read; null when not announced or when the body was
    /// compressed on the wire (then the bytes read are not the bytes announced).</summary>
    public long? Length { get; set; }
}

/// <summary>The outermost handler: it sees the response the caller gets, redirects followed and any
/// decompression done, and notes its length where a call asked for it.</summary>
internal sealed class ResponseContentHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (request.GetRequestOption<ResponseContentOption>() is { } option && response.Content is { } content)
        {
            option.Length = content.Headers.ContentEncoding.Count == 0 ? content.Headers.ContentLength : null;
        }
        return response;
    }
}
