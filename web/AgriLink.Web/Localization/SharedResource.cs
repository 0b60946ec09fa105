namespace AgriLink.Web;

/// <summary>
/// The pages' one resource: keys are the Chinese text itself (zh-CN needs no file), Resources/SharedResource.en.resx
/// translates them to English, and Resources/SharedResource.zh.resx turns the API's English field messages into Chinese.
/// </summary>
public sealed class SharedResource;
