using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Decisioning.Host.Pages;

/// <summary>
/// Reads a posted page form, or refuses it with a page: 403 when it was sent from another origin (another port on the
/// same host is the same <em>site</em> for SameSite cookies, so the cookie alone proves nothing), 413 when it is over
/// the form limits, 400 when it is not a form or its antiforgery token is missing or not this browser's.
/// </summary>
internal static class PageForm
{
    /// <summary>Bytes of a whole form; a form that uploads a file names its own bound (the policy page: a rule set upload).</summary>
    public const int MaxBytes = 1 << 20;

    /// <summary>Characters of one value.</summary>
    public const int MaxValueLength = 256 * 1024;

    /// <summary>Values in one form (the consultant's form has about 50, and about 270 with every list at its most rows).</summary>
    public const int MaxValues = 400;

    /// <summary>Characters of one field name.</summary>
    public const int MaxNameLength = 200;

    private static FormOptions Limits(int maxBytes) => new()
    {
        BufferBody = false,
        ValueCountLimit = MaxValues,
        ValueLengthLimit = MaxValueLength,
        KeyLengthLimit = MaxNameLength,
        MultipartBodyLengthLimit = maxBytes,
        MultipartHeadersCountLimit = 16,
    };

    /// <summary>
    /// The form, or null and the refusal page (a component, in the page's language) to answer with; at most
    /// <paramref name="maxBytes"/> bytes in all.
    /// </summary>
    public static async Task<(IFormCollection? Form, IResult? Refused)> ReadAsync(HttpContext context, int maxBytes = MaxBytes)
    {
        var (form, status, reason) = await ReadCheckedAsync(context, maxBytes);
        if (form is not null)
        {
            return (form, null);
        }
        var texts = context.RequestServices.GetRequiredService<IStringLocalizer<PageTexts>>();
        return (null, PageResult.Message(context, texts["refused-title"], texts[reason!], status));
    }

    /// <summary>The form, or null with the status and the text key of the refusal.</summary>
    private static async Task<(IFormCollection? Form, int Status, string? Reason)> ReadCheckedAsync(HttpContext context, int maxBytes)
    {
        var request = context.Request;
        if (!FromThisOrigin(request))
        {
            return (null, StatusCodes.Status403Forbidden, "form-cross-site");
        }
        if (request.ContentLength > maxBytes)
        {
            return (null, StatusCodes.Status413PayloadTooLarge, "form-too-large");
        }
        if (!request.HasFormContentType)
        {
            return (null, StatusCodes.Status400BadRequest, "form-unreadable");
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = maxBytes;
        }
        context.Features.Set<IFormFeature>(new FormFeature(request, Limits(maxBytes)));
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(context.RequestAborted);
        }
        catch (InvalidDataException ex)
        {
            var overLimit = ex.Message.Contains("limit", StringComparison.OrdinalIgnoreCase);
            return (null, overLimit ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest, overLimit ? "form-too-large" : "form-unreadable");
        }
        catch (BadHttpRequestException ex)
        {
            return (null, ex.StatusCode, ex.StatusCode == StatusCodes.Status413PayloadTooLarge ? "form-too-large" : "form-unreadable");
        }
        try
        {
            await context.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(context);
        }
        catch (AntiforgeryValidationException)
        {
            return (null, StatusCodes.Status400BadRequest, "form-expired");
        }
        return (form, 0, null);
    }

    /// <summary>
    /// A browser names where a form was posted from: <c>Sec-Fetch-Site</c> must be <c>same-origin</c> and <c>Origin</c>
    /// this service's own scheme, host and port. A client that sends neither is no browser posting a forged form; the
    /// antiforgery token still has to match.
    /// </summary>
    public static bool FromThisOrigin(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && site != "same-origin")
        {
            return false;
        }
        var origin = request.Headers.Origin.ToString();
        return origin.Length == 0 || string.Equals(origin, $"{request.Scheme}://{request.Host.Value}", StringComparison.OrdinalIgnoreCase);
    }
}
