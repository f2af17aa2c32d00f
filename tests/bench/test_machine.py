"""What an entry says about the code it ran: the commit, read without running git."""

from bench.shared.machine import commit as read_commit


def test_commit_is_read_from_git_files_without_git(tmp_path):
    git = tmp_path / ".git"
    (git / "refs" / "heads").mkdir(parents=True)
    (git / "HEAD").write_text("ref: refs/heads/main\n")
    assert read_commit(tmp_path) == "unknown"
    (git / "packed-refs").write_text("# pack-refs\nabcdef1234567 refs/heads/main\n")
    assert read_commit(tmp_path) == "abcdef1"
    (git / "refs" / "heads" / "main").write_text("1234567890abcdef\n")
    assert read_commit(tmp_path) == "1234567"


def test_commit_of_a_worktree_is_read_through_its_gitdir(tmp_path):
    """In a `git worktree`, .git is a file naming the worktree's folder, whose HEAD names a
    branch kept in the main repository's refs."""
    main = tmp_path / "main" / ".git"
    (main / "refs" / "heads").mkdir(parents=True)
    (main / "refs" / "heads" / "feature").write_text("fedcba9876543210\n")
    folder = main / "worktrees" / "feature"
    folder.mkdir(parents=True)
    (folder / "HEAD").write_text("ref: refs/heads/feature\n")
    (folder / "commondir").write_text("../..\n")
    tree = tmp_path / "feature"
    tree.mkdir()
    (tree / ".git").write_text(f"gitdir: {folder}\n")
    assert read_commit(tree) == "fedcba9"
