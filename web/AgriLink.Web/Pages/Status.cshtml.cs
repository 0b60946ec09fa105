using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AgriLink.Web.Pages;

/// <summary>
/// What a person sees when a page answers an error status (a link that leads nowhere, too many sign-in attempts, a
/// fault on our side): a page in their language with a way back, instead of "Status Code: 404; Not Found" or a JSON
/// problem. The API keeps answering problem responses. Reached by re-execution (of a status, or of an exception), which
/// keeps the original status.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public string Title { get; private set; } = "";

    public string Advice { get; private set; } = "";

    public void OnGet(int code) => Describe(code);

    // A POST that failed (a sign-in refused for too many attempts) is re-executed as the same method.
    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        // Opened directly (/status/404), the page answers that status itself; re-executed, it keeps the status it was given.
        if (HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is null && HttpContext.Features.Get<IExceptionHandlerPathFeature>() is null)
            Response.StatusCode = code is >= 400 and <= 599 ? code : StatusCodes.Status404NotFound;
        (Title, Advice) = Response.StatusCode switch
        {
            StatusCodes.Status404NotFound => ("找不到这个页面", "链接可能已过期，或者地址有误。"),
            StatusCodes.Status403Forbidden => ("无权访问", "这个页面属于别的账户。请用有权限的账户登录。"),
            StatusCodes.Status429TooManyRequests => ("操作太频繁", "请等一分钟再试。"),
            StatusCodes.Status503ServiceUnavailable => ("暂时无法处理", "系统正忙或正在重启，您刚才的操作可能已经完成，也可能没有。请稍后刷新页面确认，再决定是否重做。"),
            >= 500 => ("出错了", "这不是您的问题，我们已经记录。请稍后再试。"),
            _ => ("请求有误", "请返回上一页检查后再试。"),
        };
    }
}
