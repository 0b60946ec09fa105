namespace AgriLink.Domain.Orders;

/// <summary>What someone asks of one sub-order; <see cref="OrderStateMachine"/> says who may and when.</summary>
public enum OrderAction
{
    /// <summary>The gateway confirmed the card payment (System).</summary>
    PayByCard,
    /// <summary>The cooperative sends the goods.</summary>
    Ship,
    /// <summary>The goods arrived (the buyer says so, or an operator on its behalf).</summary>
    ConfirmDelivery,
    /// <summary>A monthly invoice now covers the sub-order (System, invoice orders).</summary>
    MarkInvoiced,
    /// <summary>The cooperative received the bank transfer for its invoice.</summary>
    RecordInvoicePayment,
    Cancel,
    /// <summary>The gateway confirmed a card refund (System).</summary>
    Refund,
}
