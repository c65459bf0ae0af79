#pragma once

#include "LocalDraft.h"

#include <QDialog>

#include <functional>

class QLabel;
class QPushButton;
class QTableWidget;

namespace blog {

class DraftPublisher;

// The author's drafts on this computer, newest first: open one in the editor, start a new one,
// delete one, or publish one straight from the list.
class DraftListDialog : public QDialog
{
    Q_OBJECT

public:
    using Confirm = std::function<bool(const QString &question)>;

    explicit DraftListDialog(DraftPublisher &publisher, QWidget *parent = nullptr);
    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }
    int draftCount() const;

signals:
    void newDraftRequested();
    void openDraftRequested(const blog::LocalDraft &draft);

private:
    void reload();
    void updateButtons();
    std::optional<LocalDraft> selectedDraft() const;
    void openSelected();
    void deleteSelected();
    void publishSelected();
    void publishDraft(qint64 draftId, const QString &title);
    static QString stateText(const LocalDraft &draft);

    DraftPublisher &m_publisher;
    QTableWidget *m_table;
    QLabel *m_status;
    QPushButton *m_open;
    QPushButton *m_delete;
    QPushButton *m_publish;
    QList<LocalDraft> m_drafts;
    Confirm m_confirm;
};

} // namespace blog
