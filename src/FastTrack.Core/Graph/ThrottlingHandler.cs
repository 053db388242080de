using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Kiota.Http.HttpClientLibrary.Extensions;

namespace FastTrack.Core.Graph;

/// <summary>Retries calls answered 429, 503 or 504, or cut off before a response, per the
/// <see cref="RetryPolicy"/>: the report GETs, and the POST of a digest mail (its body is kept to send again).
/// Takes the place of the SDK's RetryHandler, which GraphSession leaves out. After the last attempt the last
/// response goes back to the caller, which turns it into a LimitsExceeded error naming the call.</summary>
internal sealed class ThrottlingHandler : DelegatingHandler
{
    private readonly RetryPolicy _policy;
    private readonly Action<string>? _log;

    public ThrottlingHandler(RetryPolicy policy, Action<string>? log)
    {
        _policy = policy;
        _log = log;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var counter = request.GetRequestOption<RequestAttemptsOption>();
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        for (var attempt = 1; ; attempt++)
        {
            HttpResponseMessage response;
            if (counter is not null) counter.Attempts = attempt;
            try
            {
                response = await base.SendAsync(attempt == 1 ? request : HttpRequests.Clone(request, body), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (IsConnectionFailure(ex) && !cancellationToken.IsCancellationRequested && attempt < _policy.MaxAttempts)
            {
                var wait = _policy.Backoff(attempt, null);
                _log?.Invoke($"{HttpRequests.Describe(request)}: connection failed ({ex.GetType().Name}); retry {attempt} of {_policy.MaxAttempts - 1} in {wait.TotalSeconds:0.#} s.");
                await _policy.Delay(wait, cancellationToken).ConfigureAwait(false);
                continue;
            }
            if (!IsRetryable(response.StatusCode) || attempt >= _policy.MaxAttempts) return response;
            var retryAfter = RetryAfter(response);
            if (retryAfter > _policy.MaxRetryAfter) return response;
            var delay = _policy.Backoff(attempt, retryAfter);
            _log?.Invoke($"{HttpRequests.Describe(request)}: {(int)response.StatusCode} {response.StatusCode}; retry {attempt} of {_policy.MaxAttempts - 1} in {delay.TotalSeconds:0.#} s" +
                (retryAfter is null ? " (backoff)." : " (Retry-After)."));
            response.Dispose();
            await _policy.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
    }

    internal static bool IsRetryable(HttpStatusCode status) =>
        (int)status == 429 || status == HttpStatusCode.ServiceUnavailable || status == HttpStatusCode.GatewayTimeout;

    private static bool IsConnectionFailure(Exception ex) => ex is HttpRequestException || ex is IOException;

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta;
        if (header?.Date is { } date) return date - DateTimeOffset.UtcNow is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        return null;
    }
}
