using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace AgriLink.Web.Pages.Shared;

/// <summary>
/// Ties a form field to the problem shown beside it, for screen readers: a field whose value was refused gets
/// <c>aria-invalid="true"</c> and <c>aria-describedby</c> naming its message, and the message (the
/// <c>asp-validation-for</c> span) gets that id. Runs after the built-in tag helpers, which set the field's id.
/// </summary>
[HtmlTargetElement("input", Attributes = ForAttribute)]
[HtmlTargetElement("select", Attributes = ForAttribute)]
[HtmlTargetElement("textarea", Attributes = ForAttribute)]
[HtmlTargetElement("span", Attributes = MessageAttribute)]
public sealed class InvalidFieldTagHelper : TagHelper
{
    private const string ForAttribute = "asp-for";
    private const string MessageAttribute = "asp-validation-for";

    public override int Order => 1_000;

    [HtmlAttributeName(ForAttribute)]
    public ModelExpression? For { get; set; }

    [HtmlAttributeName(MessageAttribute)]
    public ModelExpression? MessageFor { get; set; }

    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var field = For ?? MessageFor;
        if (field is null) return;
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(field.Name);
        var messageId = TagBuilder.CreateSanitizedId(name, "_") + "-problem";
        if (MessageFor is not null)
        {
            output.Attributes.SetAttribute("id", messageId);
            return;
        }
        if (ViewContext.ModelState.TryGetValue(name, out var entry) && entry.Errors.Count > 0)
        {
            output.Attributes.SetAttribute("aria-invalid", "true");
            var describedBy = output.Attributes.TryGetAttribute("aria-describedby", out var existing) ? $"{existing.Value} {messageId}" : messageId;
            output.Attributes.SetAttribute("aria-describedby", describedBy);
        }
    }
}
