#pragma once

#include <QJsonObject>

namespace gw {

// `graphwright-bench curate --nodes N`: curation on a project of N entities (default 40,000) in
// which two of them ("Ada", "Grace") have 10,000 mentions each: the store's cost of merging them
// and of undoing that (CurationTable), and how long the graph workspace takes to show the merge,
// its undo and its redo in place (offscreen). Prints milliseconds.
class CurateBenchmark
{
public:
    struct Options
    {
        int nodes = 40'000;
    };

    explicit CurateBenchmark(Options options) : m_options(options) {}
    QJsonObject run();

private:
    Options m_options;
};

} // namespace gw
