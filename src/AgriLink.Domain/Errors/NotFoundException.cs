namespace AgriLink.Domain.Errors;

[GenerateSerializer, Alias("AgriLink.NotFoundException")]
public sealed class NotFoundException(string resource, string id)
    : DomainException($"{resource}.not-found", $"No {resource} with id '{id}'.")
{
    [Id(0)] public string Resource { get; private set; } = resource;
    [Id(1)] public string ResourceId { get; private set; } = id;
}
