package dev.ferry.app.gui.welcome;

import dev.ferry.app.gui.Fxml;
import dev.ferry.app.config.RecentProject;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;

import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * The welcome page ({@code Welcome.fxml}): product name, version and recent projects. A thin view: it binds controls to
 * its {@link WelcomeViewModel} and forwards user actions to it. Create and use on the JavaFX application thread.
 */
public final class WelcomeView {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT);

    private final WelcomeViewModel viewModel;
    private final Parent root;

    @FXML private Label titleLabel;
    @FXML private Label versionLabel;
    @FXML private ListView<RecentProject> recentList;
    @FXML private Label emptyLabel;
    @FXML private Label openHint;
    @FXML private Label statusLabel;
    @FXML private javafx.scene.control.Button demoButton;

    private WelcomeView(WelcomeViewModel viewModel) {
        this.viewModel = viewModel;
        this.root = Fxml.load(WelcomeView.class, "Welcome.fxml", this);
    }

    public static WelcomeView create(WelcomeViewModel viewModel) {
        return new WelcomeView(viewModel);
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        titleLabel.textProperty().bind(viewModel.titleProperty());
        versionLabel.textProperty().bind(viewModel.versionProperty());
        emptyLabel.setText(viewModel.emptyText());
        emptyLabel.visibleProperty().bind(viewModel.emptyStateVisibleProperty());
        emptyLabel.managedProperty().bind(emptyLabel.visibleProperty());
        openHint.visibleProperty().bind(viewModel.emptyStateVisibleProperty().not());
        openHint.managedProperty().bind(openHint.visibleProperty());
        recentList.setItems(viewModel.recentProjects());
        recentList.visibleProperty().bind(viewModel.emptyStateVisibleProperty().not());
        recentList.managedProperty().bind(recentList.visibleProperty());
        recentList.setCellFactory(list -> new RecentCell());
        recentList.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                openSelected();
            }
        });
        recentList.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelected();
            }
        });
        statusLabel.textProperty().bind(viewModel.statusProperty());
        demoButton.disableProperty().bind(viewModel.demoStartingProperty());
    }

    @FXML
    private void startDemo() {
        viewModel.startDemo();
    }

    private void openSelected() {
        RecentProject r = recentList.getSelectionModel().getSelectedItem();
        if (r != null) {
            viewModel.open(r);
        }
    }

    private static final class RecentCell extends ListCell<RecentProject> {
        @Override
        protected void updateItem(RecentProject item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Label name = new Label(item.displayName());
            name.getStyleClass().add("title-4");
            Label detail = new Label((item.path().getParent() == null ? "" : item.path().getParent() + "  ·  ")
                    + WHEN.format(item.lastOpened().atZone(ZoneId.systemDefault())));
            detail.getStyleClass().add("text-muted");
            setText(null);
            setGraphic(new VBox(2, name, detail));
        }
    }
}
