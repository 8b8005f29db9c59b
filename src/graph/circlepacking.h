#pragma once
// Places circles in the plane without overlap: the regions of a community layout (one circle per
// community, its area following its member count). Plain geometry, no igraph; deterministic.
#include "core/cancellation.h"

#include <QPointF>
#include <QRectF>

#include <functional>
#include <vector>

namespace gw {

class CirclePacking
{
public:
    struct Link
    {
        int a = 0;
        int b = 0;
        double weight = 1; // > 0; heavier links pull harder
    };

    // Moves `centres` (a starting picture, e.g. a force-directed layout of the circles as points)
    // so that no two circles of `radii` overlap while linked circles stay close: links pull their
    // circles together until they touch, overlaps push circles apart (small circles move, large
    // ones mostly stay), a weak gravity keeps unlinked groups together. The starting picture is
    // first scaled so that linked circles are about touching. Polls `token` every iteration
    // (throws CancelledError); `progress` (0..1) after each.
    static void separate(std::vector<QPointF> &centres, const std::vector<double> &radii,
                         const std::vector<Link> &links, const CancellationToken &token,
                         const std::function<void(double)> &progress = {});

    // Rows of circles, the largest first (ties by index), left to right in a band of `width`
    // whose top-left corner is `origin`: compact, for regions nothing links (separate components,
    // isolated nodes). Returns one centre per radius.
    static std::vector<QPointF> shelves(const std::vector<double> &radii, double width, QPointF origin);

    // The smallest rectangle holding every circle; empty for no circles.
    static QRectF bounds(const std::vector<QPointF> &centres, const std::vector<double> &radii);
    // How many pairs overlap by more than `tolerance` (for tests; O(n log n) typical).
    static int overlaps(const std::vector<QPointF> &centres, const std::vector<double> &radii, double tolerance = 1e-6);
};

} // namespace gw
