using AgriLink.Grains.Common;

namespace AgriLink.Grains.Orders;

public sealed class BuyerOrdersGrain(
    [PersistentState("buyer-orders", GrainStorage.Main)] IPersistentState<OrderIndexState> state)
    : OrderIndexGrain(state), IBuyerOrdersGrain;
