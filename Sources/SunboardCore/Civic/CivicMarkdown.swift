import Foundation

/// Each post in words, as the body of its disclosure: the same facts the
/// public pages draw from the post, readable on the board and in print.
extension CivicPost {
    public var markdown: String {
        switch self {
        case .electionStage(let post): post.markdown
        case .meetingAgenda(let post): post.markdown
        case .meetingDecisions(let post): post.markdown
        case .hearing(let post): post.markdown
        case .projectUpdate(let post): post.markdown
        case .bulletin(let post): post.markdown
        case .honors(let post): post.markdown
        case .album(let post): post.markdown
        case .appraisal(let post): post.markdown
        }
    }
}

/// A table cell: a line break or bar would end the cell.
func cell(_ text: String) -> String {
    text.replacingOccurrences(of: "|", with: "｜").replacingOccurrences(of: "\n", with: " ")
}

extension StagePost {
    public var markdown: String {
        var text = details
        if let count {
            text += "\n\n" + (stage == .voterList ? "登记选民 \(count) 人。" : stage == .results ? "参加投票 \(count) 人。" : "人数：\(count)。")
        }
        if !names.isEmpty {
            text += "\n\n## " + (stage == .results ? "当选人" : "名单") + "\n\n" + names.map { "- " + $0 }.joined(separator: "\n")
        }
        return text
    }
}

extension AgendaPost {
    public var markdown: String {
        "## 会议议程\n\n" + items.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: "\n")
    }
}

extension DecisionsPost {
    public var markdown: String {
        var text = "应到代表 \(members) 人，实到 \(present) 人。\n\n| 决议 | 赞成 | 反对 | 弃权 | 结果 |\n|---|---|---|---|---|\n"
        for decision in decisions {
            text +=
                "| \(cell(decision.text)) | \(decision.votesFor) | \(decision.votesAgainst) | \(decision.abstentions) | \(decision.passed(present: present) ? "通过" : "未通过") |\n"
        }
        return text
    }
}

extension HearingPost {
    public var markdown: String {
        var text = note.isEmpty ? "" : note + "\n\n"
        text += "**参加人员**：\(participants)\n\n## 听证决定\n\n\(decision)\n"
        if !actions.isEmpty {
            text += "\n## 落实情况\n\n| 事项 | 责任人 | 期限 | 状态 |\n|---|---|---|---|\n"
            for action in actions {
                let status = action.doneOn.map { "\(action.status.chinese)（\($0.chinese)）" } ?? action.status.chinese
                text += "| \(cell(action.action)) | \(cell(action.owner)) | \(action.deadline.chinese) | \(status) |\n"
            }
        }
        return text
    }
}

extension ProjectPost {
    public var markdown: String {
        var text = note.isEmpty ? "" : note + "\n\n"
        text += "**总体进度**：\(progress)%　**预算**：\(budget.yuan)　**资金来源**：\(funding)　**施工单位**：\(contractor)\n"
        if !steps.isEmpty {
            text += "\n## 工程节点\n\n| 节点 | 计划 | 实际 | 状态 |\n|---|---|---|---|\n"
            for step in steps {
                let actual = [step.actualStart?.description, step.actualEnd?.description].compactMap { $0 }.joined(separator: " 至 ")
                let status = step.status == .inProgress ? "进行中 \(step.percent)%" : step.status.chinese
                text +=
                    "| \(cell(step.name)) | \(step.plannedStart.description) 至 \(step.plannedEnd.description) | \(actual.isEmpty ? "—" : actual) | \(status) |\n"
            }
        }
        if !spending.isEmpty {
            text += "\n## 已支出（见财务公开）\n\n| 日期 | 摘要 | 金额 |\n|---|---|---|\n"
            for line in spending { text += "| \(line.day.description) | \(cell(line.summary)) | \(line.amount.yuan) |\n" }
            text += "| | 合计 | \(spent.yuan) |\n"
        }
        return text
    }
}

extension BulletinPost {
    public var markdown: String {
        var text = "## 本季度公开情况\n\n本季度共公开 \(disclosureTotal) 项"
        text += disclosures.isEmpty ? "。\n" : "：" + disclosures.map { "\($0.name) \($0.count) 项" }.joined(separator: "，") + "。\n"
        text += "\n## 财务收支\n\n本季度入账收入 \(income.yuan)，支出 \(expense.yuan)。\n"
        if !projects.isEmpty {
            text += "\n## 民生工程进度\n\n" + projects.map { "- \($0.name)：\($0.progress)%" }.joined(separator: "\n") + "\n"
        }
        text += "\n## 居民意见\n\n本季度收到意见建议 \(feedbackReceived) 件，已答复 \(feedbackReplied) 件，其中按期（10 天内）答复 \(feedbackOnTime) 件。\n"
        return text
    }
}

extension HonorsPost {
    public var markdown: String {
        "| 姓名 | 类别 | 事迹 |\n|---|---|---|\n"
            + entries.map { "| \(cell($0.name)) | \(cell($0.category)) | \(cell($0.deed)) |" }.joined(separator: "\n") + "\n"
    }
}

extension AlbumPost {
    public var markdown: String {
        "活动日期：\(heldOn.chinese)　地点：\(place)\n\n"
            + photos.enumerated().map { "\($0.offset + 1). \($0.element.caption)" }.joined(
                separator: "\n")
    }
}

extension AppraisalPost {
    public var markdown: String {
        "参加评议的居民代表 \(voters) 人。\n\n| 姓名 | 职务 | 满意 | 基本满意 | 不满意 | 满意率 |\n|---|---|---|---|---|---|\n"
            + results.map {
                "| \(cell($0.name)) | \(cell($0.post)) | \($0.satisfied) | \($0.basicallySatisfied) | \($0.unsatisfied) | \($0.approval)% |"
            }.joined(separator: "\n") + "\n"
    }
}
