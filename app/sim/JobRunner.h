#pragma once

#include <QObject>
#include <QTimer>

namespace koodrive::sim {

struct JobItem;
struct JobRow;
struct SimContext;

// Runs batch jobs on the server's event loop (OPERATIONS.md §5): a timer steps each waiting or running job
// a few files at a time, one transaction per step, so that a job is seen to go from 0 (waiting) through
// 1 (running, with progress) to 2 (done), and a cancel can land in between. Jobs left unfinished by a
// stop are picked up at the next start.
class JobRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobRunner)

public:
    JobRunner(SimContext &context, int stepMs, int filesPerStep, QObject *parent = nullptr);

    // A job was made: the timer runs until no job is left.
    void wake();
    void step();

private:
    // Does one file's part of a job; a refusal becomes the file's result, not the job's.
    void run(const JobRow &job, JobItem &item, QStringList &freedBlobs);

    SimContext &m_context;
    QTimer m_timer;
    int m_filesPerStep;
};

} // namespace koodrive::sim
