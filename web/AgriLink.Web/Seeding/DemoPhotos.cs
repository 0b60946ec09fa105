using AgriLink.Domain.Listings;
using AgriLink.Grains.Cooperatives;
using AgriLink.Grains.Listings;
using AgriLink.Web.Photos;
using SkiaSharp;

namespace AgriLink.Web.Seeding;

/// <summary>
/// The demo's photos, drawn at seeding (no photographs ship with the product, and none are borrowed): per listing a
/// placeholder in its produce's colour with a simple shape, and its name where the machine has a font with Chinese glyphs
/// (a fresh Debian may have none: then the shape alone). Each goes through the same sizes, formats and store as an upload.
/// Drawn at 640 × 480, so two widths are kept (320 and 640); <see cref="DemoPhotoSeeding"/> runs it after the start.
/// </summary>
public sealed class DemoPhotos(IGrainFactory grains, PhotoLibrary photos)
{
    private const int Width = 640, Height = 480;

    /// <summary>Gives each demo listing and cooperative without a photo its placeholder; answers how many were drawn.</summary>
    public async Task<int> SeedAsync(CancellationToken ct)
    {
        var drawn = 0;
        using var typeface = SKFontManager.Default.MatchCharacter('刺');
        foreach (var (id, _, draft, _) in DemoData.Listings)
        {
            var listing = grains.GetGrain<IListingGrain>(id);
            if ((await listing.Get()).Photos is { Count: > 0 }) continue;
            var processed = Draw(draft.Category, draft.Title, typeface, $"listing:{id}");
            if (await Stored(() => photos.StoreThenCommitAsync(processed, () => listing.AddPhoto(processed.Photo),
                    async () => (await listing.Get()).Photos?.Any(p => p.Id == processed.Photo.Id) == true, ct)))
                drawn++;
        }
        foreach (var coop in DemoData.Cooperatives)
        {
            var grain = grains.GetGrain<ICooperativeGrain>(coop.Id);
            if ((await grain.Get()).Photo is not null) continue;
            var processed = Draw(ProduceCategory.Other, coop.Profile.Name, typeface, $"cooperative:{coop.Id}");
            await photos.StoreThenCommitAsync(processed, () => grain.SetPhoto(processed.Photo),
                async () => (await grain.Get()).Photo?.Id == processed.Photo.Id, ct);
            drawn++;
        }
        return drawn;
    }

    /// <summary>False when another web node stored the same placeholder first (cluster mode: they draw alike).</summary>
    private static async Task<bool> Stored(Func<Task<Grains.Listings.ListingDetails>> store)
    {
        try
        {
            await store();
            return true;
        }
        catch (Domain.Errors.RuleViolationException e) when (e.Code is "photo.duplicate")
        {
            return false;
        }
    }

    /// <summary>A placeholder: a soft background, the produce's shape in its colour, and the name below when a font has it.</summary>
    public static ProcessedPhoto Draw(ProduceCategory category, string title, SKTypeface? typeface, string owner)
    {
        var (background, colour) = Colours(category);
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height));
        var canvas = surface.Canvas;
        canvas.Clear(background);
        using var paint = new SKPaint { IsAntialias = true, Color = colour };
        using var shade = new SKPaint { IsAntialias = true, Color = colour.WithAlpha(90) };
        var centre = new SKPoint(Width / 2f, typeface is null ? Height / 2f : Height * 0.42f);
        DrawShape(canvas, category, centre, paint, shade);
        if (typeface is not null)
        {
            using var font = new SKFont(typeface, 44);
            using var text = new SKPaint { IsAntialias = true, Color = new SKColor(0x33, 0x33, 0x33) };
            canvas.DrawText(title, Width / 2f, Height * 0.88f, SKTextAlign.Center, font, text);
        }
        using var image = surface.Snapshot();
        return PhotoProcessor.FromImage(image, owner, System.Text.Encoding.UTF8.GetBytes($"demo-placeholder-v1\n{category}\n{title}"));
    }

    private static void DrawShape(SKCanvas canvas, ProduceCategory category, SKPoint c, SKPaint paint, SKPaint shade)
    {
        switch (category)
        {
            case ProduceCategory.Fruit:
                canvas.DrawCircle(c.X - 70, c.Y + 20, 90, shade);
                canvas.DrawCircle(c.X + 50, c.Y, 110, paint);
                break;
            case ProduceCategory.Tea or ProduceCategory.Vegetable or ProduceCategory.Medicinal:
                DrawLens(canvas, paint, new(c.X - 150, c.Y + 80), new(c.X - 120, c.Y - 150), new(c.X + 150, c.Y - 90), new(c.X + 110, c.Y + 130));
                break;
            case ProduceCategory.Mushroom:
                canvas.DrawRoundRect(new SKRect(c.X - 35, c.Y - 10, c.X + 35, c.Y + 130), 20, 20, shade);
                canvas.DrawArc(new SKRect(c.X - 150, c.Y - 120, c.X + 150, c.Y + 80), 180, 180, true, paint);
                break;
            case ProduceCategory.Grain:
                for (var i = 0; i < 7; i++)
                    canvas.DrawOval(new SKRect(c.X - 160 + i * 45, c.Y - 30 - (i % 2) * 40, c.X - 130 + i * 45, c.Y + 30 - (i % 2) * 40), paint);
                break;
            case ProduceCategory.Livestock:
                canvas.DrawOval(new SKRect(c.X - 100, c.Y - 130, c.X + 100, c.Y + 130), paint);
                break;
            case ProduceCategory.Spice:
                DrawLens(canvas, paint, new(c.X - 160, c.Y - 60), new(c.X + 40, c.Y - 40), new(c.X + 170, c.Y + 110), new(c.X - 20, c.Y + 60));
                canvas.DrawRect(new SKRect(c.X - 190, c.Y - 80, c.X - 150, c.Y - 50), shade);
                break;
            case ProduceCategory.Processed:
                canvas.DrawRoundRect(new SKRect(c.X - 90, c.Y - 110, c.X + 90, c.Y + 140), 24, 24, paint);
                canvas.DrawRect(new SKRect(c.X - 40, c.Y - 160, c.X + 40, c.Y - 110), shade);
                break;
            default:
                canvas.DrawRoundRect(new SKRect(c.X - 170, c.Y - 110, c.X + 170, c.Y + 110), 30, 30, shade);
                canvas.DrawCircle(c.X, c.Y, 70, paint);
                break;
        }
    }

    /// <summary>A leaf or a pepper: two quadratic curves from <paramref name="from"/> to <paramref name="to"/> and back.</summary>
    private static void DrawLens(SKCanvas canvas, SKPaint paint, SKPoint from, SKPoint over, SKPoint to, SKPoint back)
    {
        using var builder = new SKPathBuilder();
        builder.MoveTo(from);
        builder.QuadTo(over, to);
        builder.QuadTo(back, from);
        using var path = builder.Detach();
        canvas.DrawPath(path, paint);
    }

    private static (SKColor Background, SKColor Shape) Colours(ProduceCategory category) => category switch
    {
        ProduceCategory.Fruit => (new(0xFF, 0xF4, 0xE0), new(0xE8, 0x9B, 0x1E)),
        ProduceCategory.Tea or ProduceCategory.Vegetable or ProduceCategory.Medicinal => (new(0xEC, 0xF6, 0xE6), new(0x3C, 0x8D, 0x2F)),
        ProduceCategory.Mushroom => (new(0xF3, 0xEE, 0xE8), new(0x7A, 0x55, 0x3A)),
        ProduceCategory.Grain => (new(0xFB, 0xF7, 0xE4), new(0xC9, 0xA2, 0x3F)),
        ProduceCategory.Livestock => (new(0xF7, 0xF1, 0xEA), new(0xD9, 0xB3, 0x8C)),
        ProduceCategory.Spice => (new(0xFD, 0xEC, 0xEA), new(0xC6, 0x28, 0x28)),
        ProduceCategory.Processed => (new(0xF5, 0xEC, 0xF7), new(0xA2, 0x4B, 0x8E)),
        _ => (new(0xEA, 0xF1, 0xF8), new(0x2F, 0x6D, 0xB5)),
    };
}
