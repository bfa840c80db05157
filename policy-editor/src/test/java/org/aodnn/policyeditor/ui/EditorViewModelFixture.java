package org.aodnn.policyeditor.ui;

import java.nio.file.Path;
import org.aodnn.db.Store;
import org.aodnn.db.task.CurrentThreadTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the Policy Editor view model tests share: a fresh real database with the sample data per test, and an
 * activated view model whose tasks run on the test thread (so every change has taken effect when it returns).
 */
abstract class EditorViewModelFixture {

    @TempDir
    static Path dir;
    Store store;
    PolicyEditorViewModel vm;

    @BeforeEach
    void open() {
        store = Store.open(dir.resolve("vm-" + System.nanoTime()));
        vm = new PolicyEditorViewModel(store, new CurrentThreadTaskExecutor());
        vm.activate();
    }

    @AfterEach
    void close() {
        store.close();
    }
}
