#include "circlepacking.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

namespace gw {

namespace {

double length(QPointF p)
{
    return std::hypot(p.x(), p.y());
}

// Indices by left edge (ties by index: repeatable).
std::vector<int> byLeftEdge(const std::vector<QPointF> &centres, const std::vector<double> &radii)
{
    std::vector<int> order(centres.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        const double left = centres[a].x() - radii[a], otherLeft = centres[b].x() - radii[b];
        return left != otherLeft ? left < otherLeft : a < b;
    });
    return order;
}

// One sweep over the circles by left edge, pushing every overlapping pair apart (the lighter
// circle moves more). Returns how many pairs overlapped. Positions move during the sweep, so a
// sweep that moved something may have missed a pair; one that found nothing was exact.
int pushApart(std::vector<QPointF> &centres, const std::vector<double> &radii, const std::vector<double> &mass)
{
    const std::vector<int> order = byLeftEdge(centres, radii);
    int found = 0;
    for (size_t k = 0; k < order.size(); ++k) {
        const int i = order[k];
        for (size_t l = k + 1; l < order.size(); ++l) {
            const int j = order[l];
            if (centres[j].x() - radii[j] > centres[i].x() + radii[i])
                break;
            const QPointF delta = centres[j] - centres[i];
            const double wanted = radii[i] + radii[j];
            const double distance = length(delta);
            if (distance >= wanted)
                continue;
            ++found;
            // Coincident centres: a direction from the indices (golden angle), not from chance.
            const QPointF direction = distance > 1e-12 * wanted
                ? delta / distance
                : QPointF(std::cos(2.399963 * (i + j)), std::sin(2.399963 * (i + j)));
            const double push = wanted - distance + 1e-9 * wanted;
            const double shareI = mass[j] / (mass[i] + mass[j]);
            centres[i] -= direction * (push * shareI);
            centres[j] += direction * (push * (1 - shareI));
        }
    }
    return found;
}

} // namespace

void CirclePacking::separate(std::vector<QPointF> &centres, const std::vector<double> &radii,
                             const std::vector<Link> &links, const CancellationToken &token,
                             const std::function<void(double)> &progress)
{
    const int n = int(centres.size());
    if (radii.size() != centres.size())
        throw std::invalid_argument("CirclePacking::separate: one radius per centre expected");
    if (n <= 1) {
        if (n == 1)
            centres[0] = QPointF(0, 0);
        return;
    }
    std::vector<double> mass(n);
    double meanRadius = 0;
    for (int i = 0; i < n; ++i) {
        mass[i] = radii[i] * radii[i] + 1e-12;
        meanRadius += radii[i] / n;
    }

    // Start centred, scaled so that linked circles about touch.
    QPointF centroid;
    for (const QPointF &c : centres)
        centroid += c / n;
    for (QPointF &c : centres)
        c -= centroid;
    double scale = 1;
    if (!links.empty()) {
        double apart = 0, touching = 0;
        for (const Link &link : links) {
            apart += length(centres[link.b] - centres[link.a]);
            touching += radii[link.a] + radii[link.b];
        }
        scale = touching / std::max(apart, 1e-12);
    } else {
        double spread = 0, area = 0;
        for (int i = 0; i < n; ++i) {
            spread += (centres[i].x() * centres[i].x() + centres[i].y() * centres[i].y()) / n;
            area += 4 * radii[i] * radii[i];
        }
        scale = std::sqrt(area) / 2 / std::max(std::sqrt(spread), 1e-12);
    }
    for (QPointF &c : centres)
        c *= scale;

    // Links pull (each circle toward where its links would touch, averaged over its links, so a
    // hub with hundreds of links does not fly off), gravity packs, overlaps push apart. The last
    // quarter only pushes apart, so the picture settles.
    const int iterations = 300;
    const int pulling = iterations * 3 / 4;
    std::vector<QPointF> pull(n);
    std::vector<double> pullWeight(n);
    for (int iteration = 0; iteration < iterations; ++iteration) {
        token.throwIfCancelled();
        const double cool = 1.0 - double(iteration) / pulling;
        if (iteration < pulling) {
            std::fill(pull.begin(), pull.end(), QPointF());
            std::fill(pullWeight.begin(), pullWeight.end(), 0.0);
            for (const Link &link : links) {
                const QPointF delta = centres[link.b] - centres[link.a];
                const double distance = length(delta);
                const double excess = distance - (radii[link.a] + radii[link.b]);
                pullWeight[link.a] += link.weight;
                pullWeight[link.b] += link.weight;
                if (excess <= 0)
                    continue;
                const QPointF towards = delta / distance * (excess * link.weight);
                const double shareA = mass[link.b] / (mass[link.a] + mass[link.b]);
                pull[link.a] += towards * shareA;
                pull[link.b] -= towards * (1 - shareA);
            }
            const double gravity = 0.02 * cool;
            for (int i = 0; i < n; ++i) {
                QPointF step = -centres[i] * gravity;
                if (pullWeight[i] > 0)
                    step += pull[i] * (0.5 / pullWeight[i]);
                const double limit = (radii[i] + meanRadius) * cool + 1e-9;
                const double size = length(step);
                if (size > limit)
                    step *= limit / size;
                centres[i] += step;
            }
        }
        pushApart(centres, radii, mass);
        if (progress)
            progress(0.95 * (iteration + 1) / iterations);
    }
    // Until no pair overlaps (a sweep that moved nothing was exact). Pushing pairs apart one by
    // one unjams a crowded pack slowly (the outer layer moves a little per sweep): when sweeps do
    // not settle it, the whole picture grows by 5% (which only lengthens distances) and the sweeps
    // go on.
    for (int sweep = 1; pushApart(centres, radii, mass) > 0; ++sweep) {
        if (sweep % 16 == 0)
            token.throwIfCancelled();
        if (sweep % 24 == 0) {
            QPointF mean;
            for (const QPointF &c : centres)
                mean += c / n;
            for (QPointF &c : centres)
                c = mean + (c - mean) * 1.05;
        }
    }
    if (progress)
        progress(1);
}

std::vector<QPointF> CirclePacking::shelves(const std::vector<double> &radii, double width, QPointF origin)
{
    std::vector<int> order(radii.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&](int a, int b) { return radii[a] != radii[b] ? radii[a] > radii[b] : a < b; });
    std::vector<QPointF> centres(radii.size());
    double x = origin.x(), rowTop = origin.y(), rowRadius = 0;
    for (const int i : order) {
        const double r = radii[i];
        if (x > origin.x() && x + 2 * r > origin.x() + width) {
            rowTop += 2 * rowRadius;
            x = origin.x();
        }
        if (x == origin.x())
            rowRadius = r; // the row's first circle is its largest
        centres[i] = QPointF(x + r, rowTop + rowRadius);
        x += 2 * r;
    }
    return centres;
}

QRectF CirclePacking::bounds(const std::vector<QPointF> &centres, const std::vector<double> &radii)
{
    if (centres.empty())
        return {};
    double left = centres[0].x() - radii[0], right = centres[0].x() + radii[0];
    double top = centres[0].y() - radii[0], bottom = centres[0].y() + radii[0];
    for (size_t i = 1; i < centres.size(); ++i) {
        left = std::min(left, centres[i].x() - radii[i]);
        right = std::max(right, centres[i].x() + radii[i]);
        top = std::min(top, centres[i].y() - radii[i]);
        bottom = std::max(bottom, centres[i].y() + radii[i]);
    }
    return QRectF(QPointF(left, top), QPointF(right, bottom));
}

int CirclePacking::overlaps(const std::vector<QPointF> &centres, const std::vector<double> &radii, double tolerance)
{
    const std::vector<int> order = byLeftEdge(centres, radii);
    int found = 0;
    for (size_t k = 0; k < order.size(); ++k) {
        const int i = order[k];
        for (size_t l = k + 1; l < order.size(); ++l) {
            const int j = order[l];
            if (centres[j].x() - radii[j] > centres[i].x() + radii[i])
                break;
            if (length(centres[j] - centres[i]) < radii[i] + radii[j] - tolerance)
                ++found;
        }
    }
    return found;
}

} // namespace gw
