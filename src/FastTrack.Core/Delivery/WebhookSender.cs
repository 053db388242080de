using System;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using FastTrack.Core.Graph;

namespace FastTrack.Core.Delivery;

/// <summary>Posts a card to a Teams Workflows webhook. 429 and 5xx are retried per the <see cref="RetryPolicy"/>
/// (Retry-After honoured, else exponential backoff with a cap), as is a connection that failed before an answer;
/// any other 4xx fails at once. Lines logged and errors raised name the webhook's host only.</summary>
public sealed class WebhookSender
{
    /// <summary>Four attempts, waits of up to 30 s between them: a digest is not worth holding a runbook for long.</summary>
    public static RetryPolicy DefaultRetry() => new() { MaxAttempts = 4, BaseDelay = TimeSpan.FromSeconds(2), MaxDelay = TimeSpan.FromSeconds(30), MaxRetryAfter = TimeSpan.FromMinutes(2) };

    private readonly RetryPolicy _policy;
    private readonly Action<string>? _log;
    private readonly Func<HttpMessageHandler> _handler;

    public WebhookSender(RetryPolicy? policy = null, Action<string>? log = null, Func<HttpMessageHandler>? handler = null)
    {
        _policy = policy ?? DefaultRetry();
        _log = log;
        _handler = handler ?? (() => new HttpClientHandler());
    }

    /// <summary>Deadline of one attempt.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Posts the digest's card (<paramref name="payload"/>, made by <see cref="AdaptiveCard.Payload"/>).</summary>
    public DigestDelivery Deliver(WebhookAddress address, DigestContent digest, string payload, Func<DateTimeOffset> clock, CancellationToken cancellationToken = default)
    {
        var attempts = Post(address, payload, cancellationToken);
        return new DigestDelivery(DeliveryChannel.Teams, Text.JoinedList.Of(address.ToString()), digest.Title, clock(), attempts, digest.Customers);
    }

    /// <summary>Posts <paramref name="json"/>; returns how many attempts it took.</summary>
    public int Post(WebhookAddress address, string json, CancellationToken cancellationToken = default) =>
        PostAsync(address, json, cancellationToken).GetAwaiter().GetResult();

    public async Task<int> PostAsync(WebhookAddress address, string json, CancellationToken cancellationToken = default)
    {
        using var http = new HttpClient(_handler(), disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        for (var attempt = 1; ; attempt++)
        {
            var status = await AttemptAsync(http, address, json, attempt, cancellationToken).ConfigureAwait(false);
            if (status.Succeeded) return attempt;
            var retryable = status.Code is null || IsRetryable(status.Code.Value);
            if (!retryable) throw Refused(address.Host, status.Code!.Value).ToException();
            if (attempt >= _policy.MaxAttempts || status.RetryAfter > _policy.MaxRetryAfter)
                throw (status.Code is { } code ? DeliveryErrors.WebhookLimitsExceeded(address.Host, code, attempt) : DeliveryErrors.WebhookUnreachable(address.Host, status.Failure!)).ToException();
            var wait = _policy.Backoff(attempt, status.RetryAfter);
            _log?.Invoke($"POST {address}: {status.Code?.ToString() ?? status.Failure}; retry {attempt} of {_policy.MaxAttempts - 1} in {wait.TotalSeconds:0.#} s" +
                (status.RetryAfter is null ? " (backoff)." : " (Retry-After)."));
            await _policy.Delay(wait, cancellationToken).ConfigureAwait(false);
        }
    }

    private sealed class Answer
    {
        public Answer(bool succeeded, int? code, TimeSpan? retryAfter, string? failure)
        {
            Succeeded = succeeded;
            Code = code;
            RetryAfter = retryAfter;
            Failure = failure;
        }

        public bool Succeeded { get; }
        public int? Code { get; }
        public TimeSpan? RetryAfter { get; }
        /// <summary>The kind of connection failure when there was no answer.</summary>
        public string? Failure { get; }
    }

    // One attempt: the answer's status, or the kind of connection failure. Nothing of the exception is kept but
    // its kind: HttpClient's messages can hold the request URL.
    private async Task<Answer> AttemptAsync(HttpClient http, WebhookAddress address, string json, int attempt, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        try
        {
            using var response = await http.PostAsync(address.Uri, content, deadline.Token).ConfigureAwait(false);
            var code = (int)response.StatusCode;
            return new Answer(response.IsSuccessStatusCode, code, RetryAfter(response), null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw DeliveryErrors.WebhookTimeout(address.Host, Timeout).ToException();
        }
        catch (Exception ex) when (DeliveryErrors.IsConnectionFailure(ex) && !cancellationToken.IsCancellationRequested)
        {
            return new Answer(false, null, null, DeliveryErrors.Cause(ex));
        }
    }

    /// <summary>429 and every 5xx but 501 (not implemented will not change by waiting).</summary>
    internal static bool IsRetryable(int status) => status == 429 || status >= 500 && status != 501;

    private static Errors.FtError Refused(string host, int status) => status switch
    {
        401 or 403 => DeliveryErrors.WebhookForbidden(host, status),
        404 or 410 => DeliveryErrors.WebhookNotFound(host),
        _ => DeliveryErrors.WebhookRejected(host, status),
    };

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta;
        if (header?.Date is { } date) return date - DateTimeOffset.UtcNow is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        return null;
    }
}
